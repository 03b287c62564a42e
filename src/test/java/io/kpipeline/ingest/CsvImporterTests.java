package io.kpipeline.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.TableCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CSV import against the embedded database: every rule of the data model's import section. */
@SpringBootTest
class CsvImporterTests {

    static final String CHANNELS = """
            code,name,category
            EMAIL,E-Mail,ONLINE
            PHONE,Phone,OFFLINE
            PAID_SEARCH,Paid search,ONLINE
            """;
    static final String REPS = """
            id,name,email,team,active
            R1,Anna Schulz,anna@example.com,North,true
            """;
    static final String CAMPAIGNS = """
            id,name,channel_code,start_date,end_date,budget
            C1,Spring,PAID_SEARCH,2026-03-01,,5000.00
            """;
    static final String ACCOUNTS = """
            id,name,industry,segment,country,created_at
            A1,Acme,Machinery,SMB,DE,2026-01-05 09:00:00
            A2,Globex,,ENTERPRISE,AT,2026-01-06T10:30:00
            """;
    static final String LEADS = """
            id,account_id,channel_code,campaign_id,owner_rep_id,created_at
            L-1,A1,EMAIL,,R1,2026-02-01 08:00:00
            L-2,A2,PAID_SEARCH,C1,,2026-02-02 08:00:00
            L-3,,PHONE,,R1,2026-02-03 08:00:00
            L-17,A1,EMAIL,,R1,2026-02-04 08:00:00
            """;
    /** Deals as a version-1 export writes them: without expected_close_date. */
    static final String DEALS_V1 = """
            id,lead_id,account_id,owner_rep_id,created_at,stage,status,amount,contract_months,closed_at
            D1,L-1,A1,R1,2026-02-10 09:00:00,OFFER,OPEN,1000.00,12,
            D2,L-2,A2,,2026-02-11 09:00:00,WON,WON,24000.00,24,2026-03-01 12:00:00
            """;
    static final String SUBSCRIPTIONS = """
            id,account_id,deal_id,start_date,end_date,mrr,cancelled_at
            S1,A2,D2,2026-03-05,,1000.00,
            """;

    @Autowired
    CsvImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    private int directories;

    @BeforeEach
    void emptyTheCanonicalTables(@Autowired TableCounts tables) {
        tables.deleteAll();
    }

    // --- bad values -------------------------------------------------------------------------

    @Test
    void aBadTimestampIsRefusedWithLineColumnAndValue() {
        loadParents();
        assertRefused("lead.csv", """
                id,account_id,channel_code,campaign_id,owner_rep_id,created_at
                L-1,A1,EMAIL,,R1,2026-02-01 08:00:00
                L-2,A2,EMAIL,,R1,2026-02-01 08:00:00
                L-3,A2,EMAIL,,R1,2026-02-01 08:00:00
                L-4,A2,EMAIL,,R1,2026-02-01 08:00:00
                L-5,A2,EMAIL,,R1,2026-02-01 08:00:00
                L-6,A2,EMAIL,,R1,2026-13-01 10:00:00
                """, "lead.csv, line 7, column created_at: \"2026-13-01 10:00:00\" is not a timestamp "
                + "yyyy-MM-dd HH:mm:ss. Correct the value and import the file again.");
        assertThat(count("lead")).isZero();
    }

    @Test
    void aDayThatTheCalendarDoesNotHaveIsRefused() {
        load("channel.csv", CHANNELS);
        assertRefused("campaign.csv", """
                id,name,channel_code,start_date,end_date,budget
                C1,Spring,PAID_SEARCH,2026-02-30,,5000.00
                """, "campaign.csv, line 2, column start_date: \"2026-02-30\" is not a date yyyy-MM-dd. "
                + "Correct the value and import the file again.");
    }

    @Test
    void aBadNumberIsRefused() {
        load("channel.csv", CHANNELS);
        assertRefused("web_traffic_daily.csv", """
                date,channel_code,landing_page,sessions,users,pageviews,bounced_sessions,total_session_seconds,downloads,contact_requests
                2026-03-02,EMAIL,/start,10,8,30,2,600,1,0
                2026-03-02,PHONE,/start,1.5,8,30,2,600,1,0
                """, "web_traffic_daily.csv, line 3, column sessions: \"1.5\" is not a whole number ≥ 0. "
                + "Correct the value and import the file again.");
    }

    @Test
    void aNegativeAmountIsRefused() {
        loadParents();
        load("lead.csv", LEADS);
        assertRefused("deal.csv", """
                id,lead_id,account_id,owner_rep_id,created_at,stage,status,amount,contract_months,closed_at
                D1,L-1,A1,R1,2026-02-10 09:00:00,OFFER,OPEN,1000.00,12,
                D2,L-2,A2,,2026-02-11 09:00:00,WON,WON,500,,2026-03-01 12:00:00
                D3,L-3,A1,R1,2026-02-12 09:00:00,LOST,LOST,-250.00,,2026-03-02 12:00:00
                """, "deal.csv, line 4, column amount: \"-250.00\" is negative; amounts must be 0 or more. "
                + "Correct the value and import the file again.");
    }

    @Test
    void aCodeOutsideItsListIsRefusedNamingTheAllowedCodes() {
        loadParents();
        load("lead.csv", LEADS);
        assertRefused("funnel_event.csv", """
                lead_id,stage,occurred_at
                L-1,MQL,2026-02-05 10:00:00
                L-1,Meeting,2026-02-06 10:00:00
                """, "funnel_event.csv, line 3, column stage: \"Meeting\" is not one of MQL, SAL, SQL, "
                + "FIRST_MEETING, SECOND_MEETING, OFFER, CONTRACT_SENT, WON, LOST, DISQUALIFIED. "
                + "Correct the value and import the file again.");
    }

    @Test
    void anEmptyRequiredValueIsRefused() {
        assertRefused("channel.csv", """
                code,name,category
                EMAIL,,ONLINE
                """, "channel.csv, line 2, column name: the value is missing; name is required. "
                + "Fill it in and import the file again.");
    }

    // --- keys and references, checked in the database ---------------------------------------

    @Test
    void anUnknownForeignKeyIsRefused() {
        loadParents();
        assertRefused("lead.csv", """
                id,account_id,channel_code,campaign_id,owner_rep_id,created_at
                L-1,A1,EMAIL,,R1,2026-02-01 08:00:00
                L-2,A2,PAID_SEARCH,C1,,2026-02-02 08:00:00
                L-3,,PHONE,,R1,2026-02-03 08:00:00
                L-4,A1,EMAIL,,R1,2026-02-04 08:00:00
                L-5,A1,EMAIL,,R1,2026-02-04 08:00:00
                L-6,A1,EMAIL,,R1,2026-02-04 08:00:00
                L-7,A1,EMAIL,,R1,2026-02-04 08:00:00
                L-8,A1,FAX,,R1,2026-02-04 08:00:00
                L-9,A9,FAX,,R1,2026-02-04 08:00:00
                """, "lead.csv, line 9, column channel_code: \"FAX\" is not a known channel (no such row in channel). "
                + "Import channel.csv with it first, or correct the value.");
        assertThat(count("lead")).isZero();
    }

    @Test
    void anUnknownOptionalReferenceIsRefusedButAnEmptyOneIsNot() {
        loadParents();
        assertRefused("lead.csv", """
                id,account_id,channel_code,campaign_id,owner_rep_id,created_at
                L-1,,EMAIL,,,2026-02-01 08:00:00
                L-2,A2,PAID_SEARCH,C1,R2,2026-02-02 08:00:00
                """, "lead.csv, line 3, column owner_rep_id: \"R2\" is not a known sales rep (no such row in sales_rep). "
                + "Import sales_rep.csv with it first, or correct the value.");
    }

    @Test
    void aDuplicateKeyInTheFileIsRefusedWithBothLines() {
        loadParents();
        load("lead.csv", LEADS);
        assertRefused("funnel_event.csv", """
                lead_id,stage,occurred_at
                L-1,MQL,2026-02-05 10:00:00
                L-1,SAL,2026-02-06 10:00:00
                L-2,MQL,2026-02-05 10:00:00
                L-17,MQL,2026-02-05 10:00:00
                L-17,SAL,2026-02-06 10:00:00
                L-2,SAL,2026-02-06 10:00:00
                L-3,MQL,2026-02-05 10:00:00
                L-3,SAL,2026-02-06 10:00:00
                L-3,SQL,2026-02-07 10:00:00
                L-17,SQL,2026-02-07 10:00:00
                L-17,MQL,2026-02-08 10:00:00
                L-17,MQL,2026-02-09 10:00:00
                """, "funnel_event.csv, line 12: duplicate key (lead_id, stage) = (L-17, MQL), first seen on line 5. "
                + "Keep one of the rows.");
    }

    @Test
    void aDuplicateFarIntoALongFileIsFoundAcrossInsertBatches() {
        load("channel.csv", CHANNELS);
        StringBuilder csv = new StringBuilder("date,network,followers,likes,posts,clicks\n");
        for (int day = 0; day < 2_600; day++) {
            csv.append(java.time.LocalDate.of(2020, 1, 1).plusDays(day)).append(",LinkedIn,").append(day)
                    .append(",1,1,1\n");
        }
        csv.append("2020-01-02,LinkedIn,5,1,1,1\n");
        assertRefused("social_daily.csv", csv.toString(), "social_daily.csv, line 2602: duplicate key (date, network) "
                + "= (2020-01-02, LinkedIn), first seen on line 3. Keep one of the rows.");
    }

    @Test
    void emptyKeyPartsCompareEqualForDuplicates() {
        load("channel.csv", CHANNELS);
        assertRefused("cost_entry.csv", """
                month,category,channel_code,amount
                2026-01-01,MARKETING,,100.00
                2026-01-01,MARKETING,EMAIL,100.00
                2026-01-01,MARKETING,,200.00
                """, "cost_entry.csv, line 4: duplicate key (month, category, channel_code, campaign_id) = "
                + "(2026-01-01, MARKETING, , ), first seen on line 2. Keep one of the rows.");
    }

    // --- header and file shape ---------------------------------------------------------------

    @Test
    void aMissingRequiredColumnIsRefused() {
        loadParents();
        assertRefused("lead.csv", """
                id,account_id,channel_code
                L-1,A1,EMAIL
                """, "lead.csv, line 1: required column created_at is missing. Add it to the header.");
    }

    @Test
    void anUnknownColumnIsRefusedListingTheColumnsOfTheTable() {
        loadParents();
        assertRefused("lead.csv", """
                id,channel_code,color,created_at
                L-1,EMAIL,red,2026-02-01 08:00:00
                """, "lead.csv, line 1, column color: unknown column; the columns of lead are id, account_id, "
                + "channel_code, campaign_id, owner_rep_id, created_at. Remove or rename it.");
    }

    @Test
    void aHeaderWithSemicolonsGetsAHintAboutCommas() {
        assertRefused("channel.csv", """
                code;name;category
                EMAIL;E-Mail;ONLINE
                """, "channel.csv, line 1: the columns are separated by semicolons, but the import expects commas. "
                + "Save the file as \"CSV UTF-8 (comma delimited)\" and import it again, or import it as German Excel"
                + " wrote it with --dialect excel-de.");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() {
        assertRefused("channel.csv", """
                code,name,category
                EMAIL,E-Mail,ONLINE
                PHONE,Phone, landline,OFFLINE
                """, "channel.csv, line 3: the row has 4 fields but the header has 3. Put a value (or nothing) "
                + "between commas for every column and quote values that contain commas.");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLineOfTheBadByte() throws IOException {
        Path dir = newDirectory();
        Files.write(dir.resolve("account.csv"), """
                id,name,industry,segment,country,created_at
                A1,Acme,Machinery,SMB,DE,2026-01-05 09:00:00
                A2,Müller,Machinery,SMB,DE,2026-01-05 09:00:00
                """.getBytes(ISO_8859_1));
        FileResult result = single(importer.importDirectory(dir));
        assertThat(result.summaryLine()).isEqualTo("account.csv, line 3: the file is not valid UTF-8. "
                + "Save it as UTF-8 (Excel: \"CSV UTF-8\") and import again, or import it as Excel wrote it with"
                + " --dialect excel-de.");
        assertThat(count("account")).isZero();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRefused("channel.csv", "", "channel.csv: the file is empty. Add a header row naming the columns, then the rows.");
    }

    @Test
    void theSummaryLineCountsRowsReadInsertedAndUpdated() {
        load("channel.csv", CHANNELS);
        FileResult result = importing("channel.csv", """
                code,name,category
                EMAIL,E-Mail,ONLINE
                SOCIAL,Social media,ONLINE
                """);
        assertThat(result.summaryLine()).matches("channel\\.csv: 2 rows read, 1 inserted, 1 updated in \\d+\\.\\d s");
        assertThat(importing("channel.csv", "code,name,category\nEMAIL,E-Mail,ONLINE\n").summaryLine())
                .matches("channel\\.csv: 1 row read, 0 inserted, 1 updated in \\d+\\.\\d s");
    }

    @Test
    void aHeaderWithoutRowsLoadsNothing() {
        FileResult result = importing("channel.csv", "code,name,category\n");
        assertThat(result.loaded()).isTrue();
        assertThat(result.rowsRead()).isZero();
    }

    @Test
    void aCsvFileNotNamedAfterATableIsRefusedListingTheNames() throws IOException {
        Path dir = newDirectory();
        write(dir, "leads.csv", LEADS);
        write(dir, "notes.txt", "not an import file");
        ImportReport report = importer.importDirectory(dir);
        assertThat(report.summaryLines()).containsExactly("leads.csv: no table of the data model has this name; "
                + "the files are channel.csv, sales_rep.csv, campaign.csv, account.csv, lead.csv, funnel_event.csv, "
                + "deal.csv, activity.csv, email_message.csv, web_traffic_daily.csv, social_daily.csv, "
                + "ad_spend_daily.csv, cost_entry.csv, subscription.csv, customer_order.csv, complaint.csv, "
                + "referral.csv, feedback.csv. Rename or remove the file.");
        assertThat(report.allLoaded()).isFalse();
    }

    // --- transactions and order --------------------------------------------------------------

    @Test
    void aRefusedFileLeavesTheStoredRowsUnchangedEvenThoseItWouldHaveUpdated() {
        load("account.csv", ACCOUNTS);
        List<String> before = accounts();
        assertRefused("account.csv", """
                id,name,industry,segment,country,created_at
                A1,Acme Renamed,,MID,FR,2026-01-05 09:00:00
                A3,Initech,,SMB,DE,2026-01-07 09:00:00
                A4,Umbrella,,SMB,de,2026-01-08 09:00:00
                """, "account.csv, line 4, column country: \"de\" is not a two-letter country code like DE. "
                + "Correct the value and import the file again.");
        assertThat(accounts()).isEqualTo(before).containsExactly(
                "A1|Acme|Machinery|SMB|DE|2026-01-05 09:00:00",
                "A2|Globex|NULL|ENTERPRISE|AT|2026-01-06 10:30:00");
    }

    @Test
    void aRefusedReferenceCheckAlsoLeavesTheStoredRowsUnchanged() {
        loadParents();
        load("lead.csv", LEADS);
        List<String> before = rows("SELECT id, account_id, channel_code, created_at FROM lead ORDER BY id");
        assertRefused("lead.csv", """
                id,account_id,channel_code,campaign_id,owner_rep_id,created_at
                L-1,A2,PHONE,,,2026-02-01 08:00:00
                L-4,A7,PHONE,,,2026-02-01 08:00:00
                """, "lead.csv, line 3, column account_id: \"A7\" is not a known account (no such row in account). "
                + "Import account.csv with it first, or correct the value.");
        assertThat(rows("SELECT id, account_id, channel_code, created_at FROM lead ORDER BY id")).isEqualTo(before);
    }

    @Test
    void validFilesLoadNextToARefusedOneInForeignKeyOrder() throws IOException {
        Path dir = newDirectory();
        write(dir, "lead.csv", LEADS);
        write(dir, "account.csv", ACCOUNTS);
        write(dir, "campaign.csv", CAMPAIGNS);
        write(dir, "sales_rep.csv", REPS);
        write(dir, "channel.csv", CHANNELS);
        write(dir, "deal.csv", """
                id,lead_id,account_id,owner_rep_id,created_at,stage,status,amount,contract_months,closed_at
                D1,L-1,A1,R1,2026-02-10 09:00:00,OFFER,OPEN,1000.00,12,
                D2,L-99,A1,R1,2026-02-10 09:00:00,OFFER,OPEN,1000.00,12,
                """);
        write(dir, "feedback.csv", """
                id,account_id,received_at,score,comment
                F1,A1,2026-03-01 12:00:00,9,"Great, thanks"
                """);

        ImportReport report = importer.importDirectory(dir);

        assertThat(report.files()).extracting(FileResult::fileName).containsExactly("channel.csv", "sales_rep.csv",
                "campaign.csv", "account.csv", "lead.csv", "deal.csv", "feedback.csv");
        assertThat(report.files()).extracting(FileResult::status).containsExactly(FileResult.Status.LOADED,
                FileResult.Status.LOADED, FileResult.Status.LOADED, FileResult.Status.LOADED, FileResult.Status.LOADED,
                FileResult.Status.REFUSED, FileResult.Status.LOADED);
        assertThat(report.files().get(5).summaryLine()).isEqualTo("deal.csv, line 3, column lead_id: \"L-99\" is not "
                + "a known lead (no such row in lead). Import lead.csv with it first, or correct the value.");
        assertThat(report.files().get(5).rowsRead()).isEqualTo(2);
        assertThat(report.allLoaded()).isFalse();
        assertThat(count("lead")).isEqualTo(4);
        assertThat(count("deal")).isZero();
        assertThat(rows("SELECT id, score, comment FROM feedback")).containsExactly("F1|9|Great, thanks");
    }

    // --- upsert ------------------------------------------------------------------------------

    @Test
    void importingTheSameFilesTwiceUpdatesEveryRowAndAddsNone() throws IOException {
        Path dir = newDirectory();
        write(dir, "channel.csv", CHANNELS);
        write(dir, "account.csv", ACCOUNTS);
        ImportReport first = importer.importDirectory(dir);
        List<String> stored = accounts();

        ImportReport second = importer.importDirectory(dir);

        assertThat(first.allLoaded()).isTrue();
        assertThat(first.files()).extracting(FileResult::inserted).containsExactly(3L, 2L);
        assertThat(first.files()).extracting(FileResult::updated).containsExactly(0L, 0L);
        assertThat(second.allLoaded()).isTrue();
        assertThat(second.files()).extracting(FileResult::rowsRead).containsExactly(3L, 2L);
        assertThat(second.files()).extracting(FileResult::inserted).containsExactly(0L, 0L);
        assertThat(second.files()).extracting(FileResult::updated).containsExactly(3L, 2L);
        assertThat(count("channel")).isEqualTo(3);
        assertThat(accounts()).isEqualTo(stored);
        assertThat(second.files().get(1).summaryLine()).matches("account\\.csv: 2 rows read, 0 inserted, 2 updated in \\d+\\.\\d s");
    }

    @Test
    void anUpsertReplacesTheWholeRowAndMissingOptionalColumnsBecomeNull() {
        load("account.csv", ACCOUNTS);
        FileResult result = importing("account.csv", """
                created_at,name,id
                2026-01-09 09:00:00,Acme AG,A1
                2026-01-10 09:00:00,Hooli,A3
                """);
        assertThat(result.inserted()).isEqualTo(1);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(accounts()).containsExactly(
                "A1|Acme AG|NULL|NULL|NULL|2026-01-09 09:00:00",
                "A2|Globex|NULL|ENTERPRISE|AT|2026-01-06 10:30:00",
                "A3|Hooli|NULL|NULL|NULL|2026-01-10 09:00:00");
    }

    @Test
    void adSpendWithoutCampaignUpsertsIntoOneRow() {
        loadParents();
        String file = """
                date,channel_code,campaign_id,cost,impressions,clicks
                2026-03-02,PAID_SEARCH,,120.50,1000,30
                2026-03-02,PAID_SEARCH,C1,80.00,800,20
                """;
        load("ad_spend_daily.csv", file);
        FileResult second = importing("ad_spend_daily.csv", file.replace("120.50", "99.90"));
        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isEqualTo(2);
        assertThat(rows("SELECT date, channel_code, campaign_id, cost FROM ad_spend_daily ORDER BY campaign_key"))
                .containsExactly("2026-03-02|PAID_SEARCH|NULL|99.90", "2026-03-02|PAID_SEARCH|C1|80.00");
    }

    @Test
    void costEntriesWithoutChannelUpsertIntoOneRow() {
        load("channel.csv", CHANNELS);
        String file = """
                month,category,channel_code,amount
                2026-01-01,SALES,,15000.00
                """;
        load("cost_entry.csv", file);
        FileResult second = importing("cost_entry.csv", file);
        assertThat(second.updated()).isEqualTo(1);
        assertThat(rows("SELECT month, category, channel_code, amount FROM cost_entry"))
                .containsExactly("2026-01-01|SALES|NULL|15000.00");
    }

    // --- data model version 2 ----------------------------------------------------------------

    @Test
    void aVersionOneExportWithoutTheNewColumnsImportsAndLeavesThemNull() throws IOException {
        Path dir = newDirectory();
        writeParents(dir);
        write(dir, "lead.csv", LEADS);
        write(dir, "deal.csv", DEALS_V1);
        write(dir, "subscription.csv", SUBSCRIPTIONS);
        write(dir, "customer_order.csv", """
                id,account_id,deal_id,channel_code,order_date,amount,status,cancelled_at,discount_code
                O1,A2,D2,PAID_SEARCH,2026-03-05,1000.00,BOOKED,,
                O2,A1,,,2026-03-09,450.00,BOOKED,,TREUE10
                """);
        write(dir, "cost_entry.csv", """
                month,category,channel_code,amount
                2026-03-01,MARKETING,PAID_SEARCH,1200.00
                2026-03-01,SALES,,15000.00
                """);

        ImportReport report = importer.importDirectory(dir);

        assertThat(report.allLoaded()).as(String.join("\n", report.summaryLines())).isTrue();
        assertThat(rows("SELECT id, subscription_id, account_id, amount, discount_code FROM customer_order ORDER BY id"))
                .containsExactly("O1|NULL|A2|1000.00|NULL", "O2|NULL|A1|450.00|TREUE10");
        assertThat(rows("SELECT id, status, closed_at, expected_close_date FROM deal ORDER BY id"))
                .containsExactly("D1|OPEN|NULL|NULL", "D2|WON|2026-03-01 12:00:00|NULL");
        assertThat(rows("SELECT month, category, channel_code, campaign_id, amount FROM cost_entry ORDER BY category"))
                .containsExactly("2026-03-01|MARKETING|PAID_SEARCH|NULL|1200.00", "2026-03-01|SALES|NULL|NULL|15000.00");
    }

    @Test
    void theNewColumnsAreStoredAndSubscriptionsLoadBeforeTheOrdersThatInvoiceThem() throws IOException {
        Path dir = newDirectory();
        writeParents(dir);
        write(dir, "lead.csv", LEADS);
        write(dir, "deal.csv", """
                id,lead_id,account_id,owner_rep_id,created_at,stage,status,amount,contract_months,closed_at,expected_close_date
                D1,L-1,A1,R1,2026-02-10 09:00:00,OFFER,OPEN,1000.00,12,,2026-04-30
                D2,L-2,A2,,2026-02-11 09:00:00,WON,WON,24000.00,24,2026-03-01 12:00:00,2026-03-15
                """);
        write(dir, "customer_order.csv", """
                id,subscription_id,account_id,deal_id,channel_code,order_date,amount,status,cancelled_at,discount_code
                O1,S1,A2,D2,PAID_SEARCH,2026-03-05,1000.00,BOOKED,,
                O2,,A1,,,2026-03-09,450.00,BOOKED,,TREUE10
                """);
        write(dir, "subscription.csv", SUBSCRIPTIONS);
        write(dir, "cost_entry.csv", """
                campaign_id,month,category,channel_code,amount
                C1,2026-03-01,MARKETING,PAID_SEARCH,800.00
                """);

        ImportReport report = importer.importDirectory(dir);

        assertThat(report.files()).extracting(FileResult::fileName).containsExactly("channel.csv", "sales_rep.csv",
                "campaign.csv", "account.csv", "lead.csv", "deal.csv", "cost_entry.csv", "subscription.csv",
                "customer_order.csv");
        assertThat(report.allLoaded()).as(String.join("\n", report.summaryLines())).isTrue();
        assertThat(rows("SELECT id, subscription_id FROM customer_order ORDER BY id")).containsExactly("O1|S1", "O2|NULL");
        assertThat(rows("SELECT id, expected_close_date FROM deal ORDER BY id"))
                .containsExactly("D1|2026-04-30", "D2|2026-03-15");
        assertThat(rows("SELECT month, channel_code, campaign_id, amount FROM cost_entry"))
                .containsExactly("2026-03-01|PAID_SEARCH|C1|800.00");
    }

    @Test
    void anOrderOfAnUnknownSubscriptionIsRefused() {
        loadParents();
        load("lead.csv", LEADS);
        load("deal.csv", DEALS_V1);
        load("subscription.csv", SUBSCRIPTIONS);
        assertRefused("customer_order.csv", """
                id,subscription_id,account_id,deal_id,channel_code,order_date,amount,status,cancelled_at,discount_code
                O1,S1,A2,D2,PAID_SEARCH,2026-03-05,1000.00,BOOKED,,
                O2,,A1,,,2026-03-09,450.00,BOOKED,,
                O3,S2,A2,D2,PAID_SEARCH,2026-04-05,1000.00,BOOKED,,
                """, "customer_order.csv, line 4, column subscription_id: \"S2\" is not a known subscription "
                + "(no such row in subscription). Import subscription.csv with it first, or correct the value.");
        assertThat(count("customer_order")).isZero();
    }

    @Test
    void aCostEntryOfAnUnknownCampaignIsRefused() {
        loadParents();
        assertRefused("cost_entry.csv", """
                month,category,channel_code,campaign_id,amount
                2026-03-01,MARKETING,PAID_SEARCH,C1,800.00
                2026-03-01,MARKETING,PAID_SEARCH,C9,300.00
                """, "cost_entry.csv, line 3, column campaign_id: \"C9\" is not a known campaign "
                + "(no such row in campaign). Import campaign.csv with it first, or correct the value.");
    }

    @Test
    void costEntriesThatDifferOnlyByCampaignAreTwoRowsAndImportingAgainReplacesThem() {
        loadParents();
        String file = """
                month,category,channel_code,campaign_id,amount
                2026-03-01,MARKETING,PAID_SEARCH,,400.00
                2026-03-01,MARKETING,PAID_SEARCH,C1,600.00
                """;
        FileResult first = importing("cost_entry.csv", file);
        FileResult second = importing("cost_entry.csv", file.replace("600.00", "650.00"));
        // a version-1 file has no campaign_id: its row is the one without campaign
        FileResult withoutCampaigns = importing("cost_entry.csv", """
                month,category,channel_code,amount
                2026-03-01,MARKETING,PAID_SEARCH,420.00
                """);

        assertThat(first.inserted()).isEqualTo(2);
        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isEqualTo(2);
        assertThat(withoutCampaigns.inserted()).isZero();
        assertThat(withoutCampaigns.updated()).isEqualTo(1);
        assertThat(rows("SELECT month, category, channel_code, campaign_id, amount FROM cost_entry ORDER BY campaign_key"))
                .containsExactly("2026-03-01|MARKETING|PAID_SEARCH|NULL|420.00",
                        "2026-03-01|MARKETING|PAID_SEARCH|C1|650.00");
    }

    // --- CSV details -------------------------------------------------------------------------

    @Test
    void aByteOrderMarkIsSkipped() {
        FileResult result = importing("channel.csv", "\uFEFF" + CHANNELS);
        assertThat(result.loaded()).isTrue();
        assertThat(rows("SELECT code FROM channel ORDER BY code")).containsExactly("EMAIL", "PAID_SEARCH", "PHONE");
    }

    @Test
    void quotedCommasAndLineBreaksAreValuesAndLaterLinesKeepTheirPhysicalNumber() {
        assertRefused("account.csv", """
                id,name,industry,segment,country,created_at
                A1,"Müller, Schmidt & Co",Machinery,SMB,DE,2026-01-05 09:00:00
                A2,"The ""Second""
                Company",,,,2026-01-05 09:00:00

                A3,Third,,,DE,2026-01-05
                """, "account.csv, line 6, column created_at: \"2026-01-05\" is not a timestamp yyyy-MM-dd HH:mm:ss. "
                + "Correct the value and import the file again.");
        assertThat(importing("account.csv", """
                id,name,industry,segment,country,created_at\r
                A1,"Müller, Schmidt & Co",Machinery,SMB,DE,2026-01-05 09:00:00\r
                A2,"The ""Second""\r
                Company",,,,2026-01-05 09:00:00\r
                """).loaded()).isTrue();
        assertThat(rows("SELECT name FROM account ORDER BY id"))
                .containsExactly("Müller, Schmidt & Co", "The \"Second\"\r\nCompany");
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertRefused("channel.csv", """
                code,name,category
                EMAIL,"E-Mail,ONLINE
                PHONE,Phone,OFFLINE
                """, "channel.csv, line 2: a quoted value is not closed before the end of the file. Write a quote inside "
                + "a quoted value as two quotes (\"\") and close every quoted value.");
    }

    @Test
    void bothTimestampFormsAreStoredAsWritten() {
        load("account.csv", """
                id,name,created_at
                A1,Acme,2026-03-29T02:30:00
                A2,Globex,2026-10-25 02:30:00
                """);
        assertThat(rows("SELECT id, created_at FROM account ORDER BY id"))
                .containsExactly("A1|2026-03-29 02:30:00", "A2|2026-10-25 02:30:00");
    }

    @Test
    void textLimitsFollowTheirColumns() {
        load("account.csv", ACCOUNTS);
        String comment = "Sehr zufrieden. ".repeat(1_000);
        load("feedback.csv", "id,account_id,received_at,score,comment\nF1,A1,2026-03-01 12:00:00,10,\"" + comment + "\"\n");
        assertThat(jdbc.queryForObject("SELECT comment FROM feedback", String.class)).isEqualTo(comment);
        assertRefused("account.csv", "id,name,created_at\nA3," + "n".repeat(256) + ",2026-01-05 09:00:00\n",
                "account.csv, line 2, column name: \"" + "n".repeat(80) + "…\" is longer than 255 characters. "
                        + "Correct the value and import the file again.");
    }

    @Test
    void progressIsReportedInRowsAndBytes() throws IOException {
        Path dir = newDirectory();
        write(dir, "channel.csv", CHANNELS);
        List<String> events = new ArrayList<>();
        importer.importDirectory(dir, new ImportListener() {
            @Override
            public void fileStarted(String fileName, long sizeBytes) {
                events.add("start " + fileName + " " + sizeBytes);
            }

            @Override
            public void rowsRead(String fileName, long rows, long bytesRead) {
                events.add("rows " + rows + " " + bytesRead);
            }

            @Override
            public void fileFinished(FileResult result) {
                events.add("done " + result.status());
            }
        });
        long size = CHANNELS.getBytes(UTF_8).length;
        assertThat(events).containsExactly("start channel.csv " + size, "rows 3 " + size, "done LOADED");
    }

    // --- helpers -----------------------------------------------------------------------------

    private void loadParents() {
        load("channel.csv", CHANNELS);
        load("sales_rep.csv", REPS);
        load("campaign.csv", CAMPAIGNS);
        load("account.csv", ACCOUNTS);
    }

    private static void writeParents(Path dir) {
        write(dir, "channel.csv", CHANNELS);
        write(dir, "sales_rep.csv", REPS);
        write(dir, "campaign.csv", CAMPAIGNS);
        write(dir, "account.csv", ACCOUNTS);
    }

    private void load(String fileName, String content) {
        FileResult result = importing(fileName, content);
        assertThat(result.loaded()).as(result.summaryLine()).isTrue();
    }

    private void assertRefused(String fileName, String content, String message) {
        FileResult result = importing(fileName, content);
        assertThat(result.status()).isEqualTo(FileResult.Status.REFUSED);
        assertThat(result.summaryLine()).isEqualTo(message);
        assertThat(result.problem().message()).isEqualTo(message);
        assertThat(result.inserted() + result.updated()).isZero();
    }

    private FileResult importing(String fileName, String content) {
        Path dir = newDirectory();
        write(dir, fileName, content);
        return single(importer.importDirectory(dir));
    }

    private static FileResult single(ImportReport report) {
        assertThat(report.files()).hasSize(1);
        return report.files().get(0);
    }

    private Path newDirectory() {
        try {
            return Files.createDirectory(temp.resolve("import-" + ++directories));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path dir, String fileName, String content) {
        try {
            Files.writeString(dir.resolve(fileName), content, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> accounts() {
        return rows("SELECT id, name, industry, segment, country, created_at FROM account ORDER BY id");
    }

    private int count(String table) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "`", Integer.class);
        return n == null ? 0 : n;
    }

    /** Each row as its values joined by |, NULL for null. */
    private List<String> rows(String sql) {
        return jdbc.query(sql, (rs, n) -> {
            int columns = rs.getMetaData().getColumnCount();
            List<String> values = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                String value = rs.getString(i);
                values.add(value == null ? "NULL" : value);
            }
            return values.stream().collect(Collectors.joining("|"));
        });
    }
}
