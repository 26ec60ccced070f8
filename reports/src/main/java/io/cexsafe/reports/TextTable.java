package io.cexsafe.reports;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain, left-aligned text table for terminal output: a header row, then rows of the same number
 * of cells, each column as wide as its widest cell, columns two spaces apart. Null cells print
 * empty.
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  /**
   * A table with this header row; it fixes the number of columns.
   *
   * @param header the column titles
   */
  public TextTable(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  /**
   * Adds a row.
   *
   * @param cells one cell per column
   * @return this table
   * @throws IllegalArgumentException when the number of cells is not the number of columns
   */
  public TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  /**
   * Prints the table, one line per row, without indentation.
   *
   * @param out where the table goes
   */
  public void print(PrintWriter out) {
    print(out, "");
  }

  /**
   * Prints the table, one line per row, each line starting with {@code indent}.
   *
   * @param out where the table goes
   * @param indent what each line starts with, e.g. two spaces
   */
  public void print(PrintWriter out, String indent) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i] == null ? 0 : row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        String cell = row[i] == null ? "" : row[i];
        line.append(cell);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
