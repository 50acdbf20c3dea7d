package dk.tilsyn.engine.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Looks inside the XLSX archive for what fastexcel-reader does not expose: merges, panes, filters and fills. */
final class XlsxParts {

    private XlsxParts() {
    }

    /** Through the central directory: FastExcel streams its entries, so their local headers carry no sizes. */
    static String text(byte[] xlsx, String part) {
        try {
            Path file = Files.createTempFile("tilsyn", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    ZipEntry entry = zip.getEntry(part);
                    if (entry == null) {
                        throw new AssertionError("no part " + part);
                    }
                    return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "A" for 0, "AA" for 26. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    /** The fill colour (ARGB) of a cell, or null when the cell has no solid fill. */
    static String fillOf(byte[] xlsx, String sheetPart, String cellRef) {
        Element cell = find(parse(text(xlsx, sheetPart)).getElementsByTagName("c"), "r", cellRef);
        if (cell == null || cell.getAttribute("s").isEmpty()) {
            return null;
        }
        Document styles = parse(text(xlsx, "xl/styles.xml"));
        Element xfs = (Element) styles.getElementsByTagName("cellXfs").item(0);
        Element xf = (Element) xfs.getElementsByTagName("xf").item(Integer.parseInt(cell.getAttribute("s")));
        Element fills = (Element) styles.getElementsByTagName("fills").item(0);
        Element fill = (Element) fills.getElementsByTagName("fill").item(Integer.parseInt(xf.getAttribute("fillId")));
        NodeList colour = fill.getElementsByTagName("fgColor");
        return colour.getLength() == 0 ? null : ((Element) colour.item(0)).getAttribute("rgb");
    }

    private static Element find(NodeList nodes, String attribute, String value) {
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (element.getAttribute(attribute).equals(value)) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("unreadable XML", e);
        }
    }
}
