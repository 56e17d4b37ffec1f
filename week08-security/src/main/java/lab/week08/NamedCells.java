package lab.week08;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A one-sheet .xlsx workbook (Apache POI) written top to bottom: each line a name in column A and, in column B,
 * a number or a formula, that cell named so other formulas can use the name ({@code =ingress*3600}). A name
 * must be defined before a formula uses it. The workbook opens in LibreOffice and Excel.
 *
 * <pre>{@code
 * try (var cells = new NamedCells("Plan")) {
 *     cells.value("records_per_second", 5_000);
 *     cells.formula("records_per_hour", "records_per_second*3600");
 *     cells.save(Path.of("target/plan.xlsx"));
 * }
 * }</pre>
 */
public final class NamedCells implements Closeable {

    private final Workbook workbook = new XSSFWorkbook();
    private final Sheet sheet;

    public NamedCells(String sheetName) {
        sheet = workbook.createSheet(sheetName);
        sheet.setColumnWidth(0, 36 * 256); // in 1/256 of a character: room for the longest name
        sheet.setColumnWidth(1, 16 * 256);
    }

    /** A line of text, after an empty line unless it is the first: a section's title. */
    public void heading(String text) {
        var at = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 2;
        sheet.createRow(at).createCell(0).setCellValue(text);
    }

    /** A cell named {@code name} holding the number {@code value}: an input a planner may change. */
    public void value(String name, double value) {
        next(name).setCellValue(value);
    }

    /** A cell named {@code name} holding {@code formula} (no leading '='), in Excel's English syntax. */
    public void formula(String name, String formula) {
        next(name).setCellFormula(formula);
    }

    private Cell next(String name) {
        var row = sheet.createRow(sheet.getLastRowNum() + 1);
        row.createCell(0).setCellValue(name);
        var named = workbook.createName();
        named.setNameName(name);
        named.setRefersToFormula("'" + sheet.getSheetName() + "'!$B$" + (row.getRowNum() + 1));
        return row.createCell(1);
    }

    /**
     * Calculates every formula once, so the file also holds their values (for viewers that do not calculate),
     * asks spreadsheet programs to calculate again on opening, and writes the workbook to {@code file}.
     */
    public void save(Path file) throws IOException {
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        workbook.setForceFormulaRecalculation(true);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
