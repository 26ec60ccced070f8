package io.cexsafe.cli;

import io.cexsafe.InputFiles;
import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgrammes;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** File reading and programme lookup shared by the protection and posture commands. */
final class ProtectionInputs {
  private ProtectionInputs() {}

  static String read(Path file) {
    return InputFiles.readString(file);
  }

  /** The programme from {@code --programme}, or the bundled one the document names. */
  static ProtectionProgramme programme(Path programmeFile, String programmeId, Path document) {
    ProtectionProgramme programme;
    if (programmeFile != null) {
      programme = ProtectionProgrammes.parse(read(programmeFile), programmeFile.toString());
    } else {
      programme =
          ProtectionProgrammes.bundled(programmeId)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          document.toString(),
                          "$.programme",
                          "unknown programme \""
                              + programmeId
                              + "\" (bundled: "
                              + ProtectionProgrammes.bundled().stream()
                                  .map(ProtectionProgramme::id)
                                  .collect(Collectors.joining(", "))
                              + "); describe it in a file and pass --programme <file>"));
    }
    if (!programme.id().equals(programmeId)) {
      throw new InvalidInputException(
          document.toString(),
          "$.programme",
          "\""
              + programmeId
              + "\" does not match the programme file's id \""
              + programme.id()
              + "\"");
    }
    return programme;
  }
}
