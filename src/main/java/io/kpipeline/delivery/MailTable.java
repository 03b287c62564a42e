package io.kpipeline.delivery;

import java.util.List;

/**
 * What a mail body shows: a line that says what follows, then a table of KPIs, each with its value (and
 * under it the case count of a small sample), further cells and a status word.
 *
 * @param greeting a line before everything, null for none
 * @param intro    what the table shows, for which period
 * @param heads    the column heads: the KPI, the value, the further cells, the status
 * @param rows     the KPIs; none where nothing is to be shown (the intro says so)
 * @param notes    lines after the table, e.g. what "Team" or "n" means
 */
record MailTable(String greeting, String intro, List<String> heads, List<Row> rows, List<String> notes) {

    /**
     * @param name   the KPI's name
     * @param value  its value as the PDF prints it
     * @param cases  "n = 4" for a small sample, else null
     * @param cells  the further cells, e.g. change on the previous period or the team's value
     * @param tone   GOOD, WARN, BAD or NEUTRAL, the colour of the status; null where nothing is judged
     * @param status the status word; empty where nothing is judged
     */
    record Row(String name, String value, String cases, List<String> cells, String tone, String status) {
    }
}
