package io.github.kinesisfanout.operations.verify;

import static io.github.kinesisfanout.operations.verify.Rows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The HTML page of a report built by hand; the page is written well-formed, so it is read back
 * with an XML parser (which also fails on any unescaped value) and checked with XPath.
 */
class FanoutReportHtmlTest {

    private static final String ODD_STREAM = "Pos<&\"Stream";
    private static final Instant CHECKED_AT = Instant.parse("2025-03-01T10:15:30.456Z");

    // Latencies over both outputs, sorted: -3 0 9 10 19 20 49 999 1000 12000 (10 rows).
    // Nearest rank: p50 = 5th = 19, p90 = 9th = 1000, p99 = 10th = 12000, max = 12000.
    private static final OutputResult POSITIVE = new OutputResult("POSITIVE_TRANSACTIONS", ODD_STREAM, 6, 8, 6, 0,
            1, 1, List.of(), List.of(json("{\"ID\":-1,\"USERNAME\":\"x\"}")), List.of(-3L, 0L, 9L, 10L, 19L, 20L), 6);
    private static final OutputResult NEGATIVE = new OutputResult("NEGATIVE_TRANSACTIONS", "NegativeTransactions",
            7, 4, 4, 3, 0, 0, List.of(json("{\"ID\":7,\"USERNAME\":\"<b>eve</b>\"}")), List.of(),
            List.of(49L, 999L, 1000L, 12000L), null);

    private static VerifySettings settings(Path report) {
        return new VerifySettings(Path.of("target/kinesis-fanout/put-records-manifest.jsonl"),
                Path.of("src/main/sql/application.sql"), Path.of("src/main/schema/input-schema.json"),
                "SOURCE_SQL_STREAM", 1, "Transactions", List.of(), true, Duration.ofSeconds(120), Duration.ofMillis(250),
                report);
    }

    private static String render(FanoutReport report) {
        return FanoutReportHtml.render(report, settings(Path.of("target/kinesis-fanout/verify-fanout-report.json")),
                CHECKED_AT, Duration.ofMillis(12_345));
    }

    @Test
    void showsTheVerdictAndEveryOutputsCountsInItsColumns() throws Exception {
        Page page = new Page(render(new FanoutReport(14, List.of(POSITIVE, NEGATIVE), true)));

        assertEquals("failed", page.text("/html/body/h1/span"));
        assertEquals("put 14 records -> POSITIVE_TRANSACTIONS 6/6 +1 unexpected (1 duplicated), NEGATIVE_TRANSACTIONS"
                + " 4/7; consumers logged 6; p99 put->output 12000 ms", page.text("//p[@class='summary']"));
        assertEquals(List.of("Output", "Kinesis stream", "Expected", "Arrived", "Matched", "Missing", "Unexpected",
                "Duplicated", "Consumer logged", "p50 (ms)", "p99 (ms)", "Expected vs arrived"),
                page.texts("//table[@class='outputs']/thead/tr/th"));
        // Per output p50/p99 by nearest rank: -3 0 9 10 19 20 gives 9 and 20; 49 999 1000 12000 gives 999 and 12000.
        assertEquals(List.of("POSITIVE_TRANSACTIONS", ODD_STREAM, "6", "8", "6", "0", "1", "1", "6", "9", "20"),
                page.texts("//table[@class='outputs']/tbody/tr[1]/*[position() <= 11]"));
        assertEquals(List.of("NEGATIVE_TRANSACTIONS", "NegativeTransactions", "7", "4", "4", "3", "0", "0",
                "not checked", "999", "12000"), page.texts("//table[@class='outputs']/tbody/tr[2]/*[position() <= 11]"));
        assertEquals("3", page.text("//table[@class='outputs']/tbody/tr[2]/td[@class='missing']/strong"));
        assertEquals("1", page.text("//table[@class='outputs']/tbody/tr[1]/td[@class='unexpected']/strong"));
        assertEquals(List.of(
                "POSITIVE_TRANSACTIONS (stream " + ODD_STREAM + "): 1 rows arrived that the SQL does not route there,"
                        + " first: {\"ID\":-1,\"USERNAME\":\"x\"}",
                "NEGATIVE_TRANSACTIONS (stream NegativeTransactions): 3 of 7 expected rows did not arrive, first:"
                        + " {\"ID\":7,\"USERNAME\":\"<b>eve</b>\"}"), page.texts("//ul[@class='problems']/li"));
    }

    @Test
    void drawsBothOutputsBarsOnOneScale() throws Exception {
        Page page = new Page(render(new FanoutReport(14, List.of(POSITIVE, NEGATIVE), true)));

        // The longest bar is POSITIVE's 8 arrived rows: 200 px for 8, 25 px a row, after the 56 px labels.
        assertEquals(List.of("56.0 3 150.0 matched 6", "56.0 20 150.0 matched 6", "206.0 20 25.0 duplicated 1",
                "231.0 20 25.0 unexpected 1"), page.rects("//table[@class='outputs']/tbody/tr[1]//rect"));
        assertEquals(List.of("56.0 3 100.0 matched 4", "156.0 3 75.0 missing 3", "56.0 20 100.0 matched 4"),
                page.rects("//table[@class='outputs']/tbody/tr[2]//rect"));
    }

    @Test
    void countsTheLatenciesIntoTheFixedBuckets() throws Exception {
        Page page = new Page(render(new FanoutReport(14, List.of(POSITIVE, NEGATIVE), true)));

        assertEquals(List.of("10", "19 ms", "1000 ms", "12000 ms", "12000 ms"),
                page.texts("//table[@class='figures']/tr[2]/td"));
        assertEquals(List.of("rows", "p50", "p90", "p99", "max"), page.texts("//table[@class='figures']/tr[1]/th"));
        // A bucket holds its lower bound: 10 goes to 10-20, 20 to 20-50, 1000 to 1k-2k.
        assertEquals(List.of("<0 ms: 1 row", "0\u201310 ms: 2 rows", "10\u201320 ms: 2 rows", "20\u201350 ms: 2 rows",
                "50\u2013100 ms: 0 rows", "100\u2013200 ms: 0 rows", "200\u2013500 ms: 0 rows", "500\u20131k ms: 1 row",
                "1k\u20132k ms: 1 row", "2k\u20135k ms: 0 rows", "5k\u201310k ms: 0 rows", "\u226510k ms: 1 row"),
                page.texts("//svg[@id='histogram']/g[@class='bucket']/title"));
        // The tallest bucket holds 2 rows and is 160 px high: one row is 80 px, standing on the axis at 180.
        assertEquals("100.0 80.0", page.text("//svg[@id='histogram']/g[1]/rect/@y") + " "
                + page.text("//svg[@id='histogram']/g[1]/rect/@height"));
        assertEquals("0.0", page.text("//svg[@id='histogram']/g[5]/rect/@height"));
    }

    @Test
    void listsTheRunsParameters() throws Exception {
        Page page = new Page(render(new FanoutReport(14, List.of(POSITIVE, NEGATIVE), true)));

        assertEquals("14", page.text("//td[@id='recordsPut']"));
        assertEquals("2025-03-01T10:15:30Z", page.text("//td[@id='checkedAt']"));
        assertEquals("12.3 s", page.text("//td[@id='took']"));
        assertEquals("arrival in the input stream Transactions", page.text("//td[@id='latencyFrom']"));
        assertEquals("120 s", page.text("//td[@id='timeout']"));
        assertEquals("250 ms", page.text("//td[@id='pollInterval']"));
        assertEquals("yes", page.text("//td[@id='checkLogs']"));
    }

    @Test
    void escapesEveryValueAndFetchesNothing() {
        String html = render(new FanoutReport(14, List.of(POSITIVE, NEGATIVE), true));

        assertTrue(html.contains("<td class=\"stream\">Pos&lt;&amp;&quot;Stream</td>"), html);
        assertFalse(html.contains(ODD_STREAM));
        assertTrue(html.contains("&quot;USERNAME&quot;:&quot;&lt;b&gt;eve&lt;/b&gt;&quot;"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("put 14 records -&gt; POSITIVE_TRANSACTIONS"));
        for (String outside : List.of("<script", "<link", "<img", "url(", "@import", "http:", "https:", "src=")) {
            assertFalse(html.contains(outside), outside);
        }
        assertEquals("a&#39;b&amp;&lt;c&gt;&quot;", FanoutReportHtml.escape("a'b&<c>\""));
    }

    @Test
    void aPassingRunWithoutLogsOrLatenciesSaysSo() throws Exception {
        OutputResult errors = new OutputResult("error_stream", "Errors", 0, 0, 0, 0, 0, 0, List.of(), List.of(),
                List.of(), null);
        Page page = new Page(render(new FanoutReport(3, List.of(errors), false)));

        assertEquals("passed", page.text("/html/body/h1/span"));
        assertFalse(page.texts("//table[@class='outputs']/thead/tr/th").contains("Consumer logged"));
        assertEquals(List.of("error_stream", "Errors", "0", "0", "0", "0", "0", "0", "\u2013", "\u2013"),
                page.texts("//table[@class='outputs']/tbody/tr[1]/*[position() <= 10]"));
        assertEquals(List.of(), page.rects("//rect"));
        assertEquals(0, page.count("//svg[@id='histogram']"));
        assertEquals(0, page.count("//ul[@class='problems']"));
        assertTrue(page.html.contains("No row matched: no latency to show."));
    }

    @Test
    void writesThePageBesideTheJsonReport(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sub/verify-fanout-report.json");
        Path written = FanoutReportHtml.write(new FanoutReport(14, List.of(POSITIVE, NEGATIVE), true), settings(json),
                CHECKED_AT, Duration.ofSeconds(1));

        assertEquals(dir.resolve("sub/verify-fanout-report.html"), written);
        assertTrue(Files.readString(written).contains("<th scope=\"row\">NEGATIVE_TRANSACTIONS</th>"));
        assertEquals(Path.of("out/report.html"), FanoutReportHtml.fileBeside(Path.of("out/report")));
    }

    /** A rendered page parsed as XML. */
    private static final class Page {

        private final String html;
        private final Document document;
        private final XPath xpath = XPathFactory.newInstance().newXPath();

        Page(String html) throws Exception {
            this.html = html;
            this.document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(html)));
        }

        String text(String expression) throws Exception {
            return xpath.evaluate(expression, document);
        }

        int count(String expression) throws Exception {
            return ((NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET)).getLength();
        }

        List<String> texts(String expression) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
            return texts;
        }

        /** Each rect as "x y width title". */
        List<String> rects(String expression) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<String> rects = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                org.w3c.dom.Element rect = (org.w3c.dom.Element) nodes.item(i);
                rects.add(rect.getAttribute("x") + " " + rect.getAttribute("y") + " " + rect.getAttribute("width") + " "
                        + rect.getTextContent());
            }
            return rects;
        }
    }
}
