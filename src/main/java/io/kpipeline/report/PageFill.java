package io.kpipeline.report;

import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

/**
 * How full the pages of a filled report are: for each page the share of the space between the top margin and
 * the page footer that its content reaches down to. A report whose page breaks leave one section alone on a
 * page has a page with a low share.
 *
 * @param pages     the number of pages
 * @param emptiest  the lowest share of any page, 0 to 1
 */
record PageFill(int pages, double emptiest) {

    static PageFill of(JasperPrint print, JasperReport report) {
        int top = print.getTopMargin() == null ? 0 : print.getTopMargin();
        int bottom = print.getPageHeight() - (print.getBottomMargin() == null ? 0 : print.getBottomMargin())
                - (report.getPageFooter() == null ? 0 : report.getPageFooter().getHeight());
        double emptiest = 1;
        List<JRPrintPage> pages = print.getPages();
        for (JRPrintPage page : pages) {
            int reached = top;
            for (JRPrintElement e : page.getElements()) {
                if (e.getY() < bottom) {
                    reached = Math.max(reached, Math.min(bottom, e.getY() + e.getHeight()));
                }
            }
            emptiest = Math.min(emptiest, (double) (reached - top) / (bottom - top));
        }
        return new PageFill(pages.size(), emptiest);
    }

    /** Fewer pages, or as many with a fuller emptiest page. */
    boolean betterThan(PageFill other) {
        return pages != other.pages ? pages < other.pages : emptiest > other.emptiest;
    }
}
