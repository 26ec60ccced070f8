package io.cexsafe.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;
import okio.FileSystem;
import okio.ForwardingFileSystem;
import okio.ForwardingSink;
import okio.ForwardingSource;
import okio.Path;
import okio.Sink;
import okio.Source;

/**
 * The file system under OkHttp's response cache: it creates files owner-only (0600) and directories
 * 0700 on POSIX systems, and counts every I/O failure so that the engine can tell a cache fault
 * from a network fault and fall back to an uncached fetch.
 */
final class PrivateCacheFileSystem extends ForwardingFileSystem {
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIRECTORY_MODE =
      PosixFilePermissions.fromString("rwx------");

  private final boolean posix;
  private final AtomicLong faults = new AtomicLong();

  PrivateCacheFileSystem(FileSystem delegate, boolean posix) {
    super(delegate);
    this.posix = posix;
  }

  /** How many cache I/O operations have failed so far. */
  long faults() {
    return faults.get();
  }

  @Override
  public Sink sink(Path file, boolean mustCreate) throws IOException {
    try {
      createPrivateFile(file, mustCreate);
      return counted(super.sink(file, false));
    } catch (IOException e) {
      faults.incrementAndGet();
      throw e;
    }
  }

  @Override
  public Sink appendingSink(Path file, boolean mustExist) throws IOException {
    try {
      if (!mustExist) {
        createPrivateFile(file, false);
      }
      return counted(super.appendingSink(file, mustExist));
    } catch (IOException e) {
      faults.incrementAndGet();
      throw e;
    }
  }

  @Override
  public Source source(Path file) throws IOException {
    try {
      return counted(super.source(file));
    } catch (IOException e) {
      faults.incrementAndGet();
      throw e;
    }
  }

  @Override
  public void createDirectory(Path dir, boolean mustCreate) throws IOException {
    try {
      if (posix) {
        try {
          Files.createDirectory(dir.toNioPath(), attribute(DIRECTORY_MODE));
        } catch (FileAlreadyExistsException e) {
          if (mustCreate) {
            throw e;
          }
        }
      } else {
        super.createDirectory(dir, mustCreate);
      }
    } catch (IOException e) {
      faults.incrementAndGet();
      throw e;
    }
  }

  @Override
  public void atomicMove(Path source, Path target) throws IOException {
    try {
      super.atomicMove(source, target);
    } catch (IOException e) {
      faults.incrementAndGet();
      throw e;
    }
  }

  @Override
  public void delete(Path path, boolean mustExist) throws IOException {
    try {
      super.delete(path, mustExist);
    } catch (IOException e) {
      faults.incrementAndGet();
      throw e;
    }
  }

  private Source counted(Source source) {
    return new ForwardingSource(source) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        try {
          return super.read(sink, byteCount);
        } catch (IOException e) {
          faults.incrementAndGet();
          throw e;
        }
      }
    };
  }

  private Sink counted(Sink sink) {
    return new ForwardingSink(sink) {
      @Override
      public void write(Buffer source, long byteCount) throws IOException {
        try {
          super.write(source, byteCount);
        } catch (IOException e) {
          faults.incrementAndGet();
          throw e;
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          super.flush();
        } catch (IOException e) {
          faults.incrementAndGet();
          throw e;
        }
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } catch (IOException e) {
          faults.incrementAndGet();
          throw e;
        }
      }
    };
  }

  /** Creates the file 0600 before anything is written to it, so it is never readable by others. */
  private void createPrivateFile(Path file, boolean mustCreate) throws IOException {
    if (!posix) {
      return;
    }
    try {
      Files.createFile(file.toNioPath(), attribute(FILE_MODE));
    } catch (FileAlreadyExistsException e) {
      if (mustCreate) {
        throw e;
      }
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
    return PosixFilePermissions.asFileAttribute(mode);
  }
}
