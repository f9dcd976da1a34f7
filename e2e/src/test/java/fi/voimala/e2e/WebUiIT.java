package fi.voimala.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser (headless Chromium through Selenium) on the running platform, logged in through
 * Keycloak's own login pages: the start page says who is logged in and offers their page; the coordinator's open
 * dashboard changes without a reload when measurements are recorded through the API (the live stream); the language
 * switch changes the page and is remembered. Each main page passes axe-core (no serious or critical WCAG 2.1 A/AA
 * violation) and is saved as a screenshot under e2e/target/screenshots/.
 */
@ExtendWith(RunningPlatform.class)
class WebUiIT {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    private Browser browser() {
        Browser browser = new Browser();
        browsers.add(browser);
        return browser;
    }

    @Test
    void theStartPageSaysWhoIsLoggedInAndOffersTheirPage() throws Exception {
        Browser kaisa = browser();
        kaisa.open("/");
        kaisa.waitFor(By.id("sign-in-main"));
        kaisa.assertAccessible("the start page, signed out");
        kaisa.logIn("kaisa", "kaisa-demo");
        kaisa.open("/");
        kaisa.waitUntilText(By.id("welcome-username"), "kaisa");
        assertTrue(kaisa.waitFor(By.id("welcome-role")).getText().toLowerCase().contains("koordinaattori"),
                kaisa.driver.findElement(By.id("welcome-role")).getText());
        assertTrue(kaisa.waitFor(By.id("offer-dashboard")).isDisplayed());
        assertTrue(kaisa.waitFor(By.id("sign-out")).isDisplayed());
        kaisa.screenshot("start");
        kaisa.assertAccessible("the start page");
    }

    @Test
    void theCoordinatorsOpenDashboardChangesWithoutReloadWhenMeasurementsAreRecorded() throws Exception {
        Browser kaisa = browser();
        kaisa.logIn("kaisa", "kaisa-demo");
        kaisa.open("/dashboard.html");
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        By table = By.id("table-change-target-group");
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver -> !driver.findElements(By.cssSelector("#table-change-target-group tbody tr")).isEmpty());
        String before = kaisa.driver.findElement(table).getText();
        // A mark on the page's window: gone if the page reloaded.
        kaisa.driver.executeScript("window.voimalaNotReloaded = true;");
        kaisa.screenshot("dashboard");
        kaisa.assertAccessible("the dashboard");

        fivePeopleMeasuredAtBaselineAndEnd();

        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver -> !driver.findElement(table).getText().equals(before));
        assertEquals(Boolean.TRUE, kaisa.driver.executeScript("return window.voimalaNotReloaded === true;"),
                "the figures changed in the open page, without a reload");
        assertNotEquals(before, kaisa.driver.findElement(table).getText());
    }

    @Test
    void anArtistSeesTheirVisitsAndRecordsASessionTheFormShowingTheApisErrorBesideItsField() throws Exception {
        PastSession session = PastSession.ofAapo(0, 1, 2).withMoodCheck();
        Browser aapo = browser();
        aapo.logIn("aapo", "aapo-demo");
        // An artist lands on the page the pair works in; the start page offers it too (it redraws as it learns who
        // is signed in, so it is looked at, not clicked).
        new WebDriverWait(aapo.driver, Browser.WAIT).until(ExpectedConditions.urlContains("/visits.html"));
        aapo.open("/");
        new WebDriverWait(aapo.driver, Browser.WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-visits")));
        aapo.open("/visits.html");
        By visit = By.cssSelector("#visits li[data-visit-id='" + session.visitId() + "']");
        aapo.waitFor(visit);
        aapo.screenshot("my-visits");
        aapo.assertAccessible("my visits");

        // The list is drawn, then completed as the series and records arrive: wait for the button itself.
        aapo.click(By.cssSelector("#visits li[data-visit-id='" + session.visitId() + "'] button.record-session"));
        aapo.waitFor(By.id("record-form"));
        // An end before the start: the service refuses it, and the page shows its message beside the end time.
        org.openqa.selenium.WebElement end = aapo.driver.findElement(By.name("endedAt"));
        String endTime = end.getAttribute("value");
        String startTime = aapo.driver.findElement(By.name("startedAt")).getAttribute("value");
        assertEquals(session.startsAt().atZone(HELSINKI).toLocalTime().toString(), startTime, "the visit's start, in Helsinki time");
        aapo.driver.executeScript("arguments[0].value = arguments[1];", end, LocalTime.parse(startTime).minusMinutes(30).toString());
        for (String code : session.codes()) {
            // The series' participants are read when the form opens.
            aapo.click(By.cssSelector("input[name='participantCodes'][value='" + code + "']"));
        }
        aapo.click(By.id("record-submit"));
        new WebDriverWait(aapo.driver, Browser.WAIT).until(ExpectedConditions.attributeToBe(By.name("endedAt"), "aria-invalid", "true"));
        String describedBy = aapo.driver.findElement(By.name("endedAt")).getAttribute("aria-describedby");
        assertNotNull(describedBy, "the end time names its error message");
        String message = aapo.driver.findElement(By.id(describedBy.split(" ")[describedBy.split(" ").length - 1])).getText();
        assertTrue(!message.isBlank(), "the API's message is shown beside the end time");
        aapo.screenshot("record-session-error");
        aapo.assertAccessible("the session record form with an error");
        assertEquals(0, as("kaisa").queryParam("visitId", session.visitId()).get("/api/session-records").then()
                .statusCode(200).extract().<Integer>path("totalItems"), "nothing was recorded");

        aapo.driver.executeScript("arguments[0].value = arguments[1];", end, endTime);
        // The city's own care staff are offered by name (sessions' staff candidates): one of them took part.
        new WebDriverWait(aapo.driver, Browser.WAIT).until(driver ->
                !driver.findElements(By.cssSelector("input[name='staffProfessionalIds']")).isEmpty());
        org.openqa.selenium.WebElement staff = aapo.driver.findElements(By.cssSelector("input[name='staffProfessionalIds']")).get(0);
        String staffId = staff.getAttribute("value");
        aapo.click(By.cssSelector("input[name='staffProfessionalIds'][value='" + staffId + "']"));
        aapo.click(By.id("record-submit"));
        aapo.waitFor(By.id("record-done"));
        List<String> present = as("kaisa").queryParam("visitId", session.visitId()).get("/api/session-records").then()
                .statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].recordedBy", org.hamcrest.Matchers.equalTo("aapo"))
                .body("items[0].staff.id", org.hamcrest.Matchers.contains(staffId))
                .extract().path("items[0].participants.code");
        assertEquals(session.codes().stream().sorted().toList(), present.stream().sorted().toList(), "both present, as ticked");

        // The mood check: each one present answers before and after, five faces each.
        aapo.click(By.id("record-to-mood"));
        aapo.waitFor(By.id("mood-form"));
        for (String code : session.codes()) {
            for (Map.Entry<String, String> answer : Map.of("BEFORE_SESSION", "2", "AFTER_SESSION", "4").entrySet()) {
                org.openqa.selenium.WebElement face = new WebDriverWait(aapo.driver, Browser.WAIT).until(
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='mood-" + answer.getKey()
                                + "-" + code + "'][value='" + answer.getValue() + "']")));
                aapo.driver.executeScript("arguments[0].click();", face);
            }
        }
        aapo.click(By.id("mood-submit"));
        aapo.waitFor(By.id("mood-done"));
        as("kaisa").queryParam("seriesId", session.seriesId()).queryParam("visitId", session.visitId())
                .queryParam("instrumentKey", "session-mood").get("/api/measurements").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(4));

        // The calendar feed: a link of aapo's own, which a calendar app reads without a login, with this visit in it.
        aapo.click(By.id("feed-create"));
        new WebDriverWait(aapo.driver, Browser.WAIT).until(driver ->
                !driver.findElement(By.id("feed-url")).getAttribute("value").isBlank());
        String feed = aapo.driver.findElement(By.id("feed-url")).getAttribute("value");
        String calendar = given().get(feed).then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/calendar"))
                .extract().asString();
        assertTrue(calendar.contains("BEGIN:VCALENDAR") && calendar.contains(session.visitId()), "the visit is in the feed");
    }

    @Test
    void aResearcherLandsOnTheResearchPageWithTheNetworksOutcomes() throws Exception {
        Browser reijo = browser();
        reijo.logIn("reijo", "reijo-demo");
        new WebDriverWait(reijo.driver, Browser.WAIT).until(ExpectedConditions.urlContains("/research.html"));
        new WebDriverWait(reijo.driver, Browser.WAIT).until(driver ->
                !driver.findElements(By.cssSelector("#research-table tbody tr")).isEmpty());
        assertTrue(reijo.waitFor(By.id("export-wide")).isDisplayed(), "the wide export is offered");
        reijo.screenshot("research");
        reijo.assertAccessible("the research page");
    }

    @Test
    void theCoordinatorBrowsesTheNetworkAndTheRegistrationFormShowsTheApisError() throws Exception {
        String takenEmail = as("kaisa").queryParam("size", 1).get("/api/professionals").then().statusCode(200)
                .extract().path("items[0].email");
        long professionals = as("kaisa").get("/api/professionals").then().extract().<Integer>path("totalItems");
        Browser kaisa = browser();
        kaisa.logIn("kaisa", "kaisa-demo");
        kaisa.open("/network.html");
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver ->
                driver.findElements(By.cssSelector("#organisations-table tbody tr")).size() >= 9);
        kaisa.screenshot("network");
        kaisa.assertAccessible("the network page");
        kaisa.click(By.id("tab-professionals"));
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver ->
                !driver.findElements(By.cssSelector("#professionals-table tbody tr")).isEmpty());

        // Registering someone with an e-mail already in the register (the list's filters have fields of the same names): the service's 422, beside the e-mail.
        kaisa.click(By.id("professional-open"));
        kaisa.waitFor(By.id("professional-form"));
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver ->
                new Select(driver.findElement(inForm("organisationId"))).getOptions().size() > 1);
        new Select(kaisa.driver.findElement(inForm("organisationId"))).selectByIndex(1);
        kaisa.driver.findElement(inForm("firstName")).sendKeys("Eeva");
        kaisa.driver.findElement(inForm("lastName")).sendKeys("E2E-kaksoisosoite");
        kaisa.driver.findElement(inForm("email")).sendKeys(takenEmail);
        Select field = new Select(kaisa.driver.findElement(inForm("field")));
        field.selectByValue("SOCIAL_AND_HEALTH");
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver ->
                new Select(driver.findElement(inForm("profession"))).getOptions().size() > 1);
        new Select(kaisa.driver.findElement(inForm("profession"))).selectByValue("NURSE");
        kaisa.click(By.id("professional-submit"));
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(ExpectedConditions.attributeToBe(inForm("email"), "aria-invalid", "true"));
        String describedBy = kaisa.driver.findElement(inForm("email")).getAttribute("aria-describedby");
        assertTrue(describedBy != null && java.util.Arrays.stream(describedBy.split(" "))
                .map(id -> kaisa.driver.findElement(By.id(id)).getText()).anyMatch(text -> !text.isBlank()),
                "the e-mail field names its error message");
        kaisa.assertAccessible("the registration form with an error");
        assertEquals(professionals, (long) as("kaisa").get("/api/professionals").then().extract().<Integer>path("totalItems"),
                "nothing was registered");
    }

    @Test
    void theCoordinatorPreviewsASeriesItsVisitsAndSkippedDatesBeforeSavingAnything() throws Exception {
        long seriesBefore = as("kaisa").get("/api/series").then().statusCode(200).extract().<Integer>path("totalItems");
        Browser kaisa = browser();
        kaisa.logIn("kaisa", "kaisa-demo");
        kaisa.open("/planning.html");
        kaisa.waitFor(By.id("week-calendar"));
        kaisa.screenshot("planning");
        kaisa.assertAccessible("the planning page");

        By group = By.cssSelector("#series-form [name='groupId']");
        By pair = By.cssSelector("#series-form [name='pairId']");
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver -> new Select(driver.findElement(group)).getOptions()
                .stream().anyMatch(option -> option.getText().contains("Helmen lauluryhmä")));
        Select groups = new Select(kaisa.driver.findElement(group));
        groups.selectByVisibleText(groups.getOptions().stream().map(org.openqa.selenium.WebElement::getText)
                .filter(text -> text.contains("Helmen lauluryhmä")).findFirst().orElseThrow());
        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver -> new Select(driver.findElement(pair)).getOptions().size() > 1);
        new Select(kaisa.driver.findElement(pair)).selectByIndex(1);
        kaisa.click(By.cssSelector("#series-form input[name='artForms'][value='MUSIC']"));
        org.openqa.selenium.WebElement sessions = kaisa.driver.findElement(By.cssSelector("#series-form [name='plannedSessions']"));
        sessions.clear();
        sessions.sendKeys("15");
        // Fridays from 3 March 2028: Good Friday is 14 April 2028 (Easter Sunday 16 April 2028), a public holiday.
        kaisa.driver.executeScript("arguments[0].value = '2028-03-03'; arguments[1].value = '09:00';",
                kaisa.driver.findElement(By.cssSelector("#series-form [name='firstDate']")),
                kaisa.driver.findElement(By.cssSelector("#series-form [name='startTime']")));
        new Select(kaisa.driver.findElement(By.cssSelector("#series-form [name='weekday']"))).selectByValue("FRIDAY");
        kaisa.click(By.id("series-preview"));

        new WebDriverWait(kaisa.driver, Browser.WAIT).until(driver ->
                driver.findElements(By.cssSelector("#preview-visits tbody tr")).size() == 15);
        String skipped = kaisa.waitFor(By.id("preview-skipped")).getText();
        assertTrue(skipped.contains("14. huhtikuuta 2028") && skipped.contains("pitkäperjantai"),
                "Good Friday (pitkäperjantai) is skipped, and said so in Finnish: " + skipped);
        kaisa.screenshot("planning-preview");
        kaisa.assertAccessible("the planning page with a preview");
        assertEquals(seriesBefore, (long) as("kaisa").get("/api/series").then().extract().<Integer>path("totalItems"),
                "a preview saves nothing");
    }

    @Test
    void theLanguageSwitchChangesThePageAndIsRemembered() {
        Browser veera = browser();
        veera.logIn("veera", "veera-demo");
        veera.open("/dashboard.html");
        veera.waitUntilText(By.tagName("h1"), "Tilannekuva");
        assertEquals("fi", veera.driver.findElement(By.tagName("html")).getAttribute("lang"));
        new Select(veera.waitFor(By.id("lang"))).selectByValue("en");
        new WebDriverWait(veera.driver, Browser.WAIT).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertNotEquals("Tilannekuva", veera.driver.findElement(By.tagName("h1")).getText());
        veera.driver.navigate().refresh();
        new WebDriverWait(veera.driver, Browser.WAIT).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertNotEquals("Tilannekuva", veera.waitFor(By.tagName("h1")).getText(), "English is remembered");
    }

    @Test
    void aBrowserOfAnotherOrganisationDoesNotReceiveTheFirstOnesEvents() throws Exception {
        Browser olli = listening("olli");
        Browser hilkka = listening("hilkka");
        String citySeries = as("olli").queryParam("size", 1).get("/api/series").then().statusCode(200).extract().path("items[0].id");
        String hospitalSeries = as("hilkka").queryParam("size", 1).get("/api/series").then().statusCode(200).extract().path("items[0].id");

        enrol(citySeries);
        waitForEventOf(olli, citySeries);
        enrol(hospitalSeries);
        waitForEventOf(hilkka, hospitalSeries);
        // The city's event was sent before the hospital's; a moment more for any stray one.
        Thread.sleep(1_000);
        assertEquals(0L, hilkka.driver.executeScript("return window.voimalaEvents.filter(e => e.seriesId === arguments[0]).length;", citySeries),
                "the hospital district's org-admin received nothing of the city's series");
        assertEquals(0L, olli.driver.executeScript("return window.voimalaEvents.filter(e => e.seriesId === arguments[0]).length;", hospitalSeries),
                "nor the city's org-admin of the hospital's");
    }

    @Test
    void theGatewaysSwaggerUiListsEveryServicesApiAsTheGatewayServesIt() {
        for (Map.Entry<String, String> service : Map.of("partners", "/api/organisations", "scheduling", "/api/series",
                "sessions", "/api/session-records", "outcomes", "/api/outcomes").entrySet()) {
            given().baseUri(RunningPlatform.GATEWAY).get("/openapi/" + service.getKey()).then().statusCode(200)
                    .body("paths", org.hamcrest.Matchers.hasKey(service.getValue()));
        }
        String page = given().baseUri(RunningPlatform.GATEWAY).get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("/openapi/outcomes"), "the Swagger UI offers outcomes' document");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A field of the professional registration form by its name. */
    private static By inForm(String name) {
        return By.cssSelector("#professional-form [name='" + name + "']");
    }

    /** A browser logged in as {@code user}, its page listening to the live stream as the web UI does. */
    private Browser listening(String user) {
        Browser browser = browser();
        browser.logIn(user, user + "-demo");
        browser.open("/");
        browser.driver.executeScript("window.voimalaEvents = []; const stream = new EventSource('/api/stream');"
                + "for (const name of ['outcome', 'session', 'visit']) {"
                + "  stream.addEventListener(name, event => window.voimalaEvents.push(JSON.parse(event.data))); }"
                + "stream.addEventListener('ready', () => { window.voimalaReady = true; });");
        new WebDriverWait(browser.driver, Browser.WAIT).until(driver ->
                Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.voimalaReady === true;")));
        return browser;
    }

    private static void waitForEventOf(Browser browser, String seriesId) {
        new WebDriverWait(browser.driver, Browser.WAIT).until(driver -> ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return window.voimalaEvents.filter(e => e.seriesId === arguments[0]).length;", seriesId)).longValue() > 0);
    }

    private static void enrol(String seriesId) {
        Map<String, Object> participant = Map.of("seriesId", seriesId, "consent", Map.of("givenBy", "PERSON",
                "givenOn", LocalDate.now(HELSINKI).minusDays(1).toString(), "covers", List.of("PARTICIPATION")));
        as("kaisa").body(participant).post("/api/participants").then().statusCode(201);
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(RunningPlatform.GATEWAY).auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON);
    }

    /** Five new participants of a demo series with a measurement plan, each with UCLA-3 at baseline and at the end. */
    private static void fivePeopleMeasuredAtBaselineAndEnd() throws InterruptedException {
        List<Map<String, Object>> series = as("kaisa").queryParam("size", 100).get("/api/series").then().statusCode(200)
                .extract().jsonPath().getList("items");
        String seriesId = series.stream().map(s -> (String) s.get("id"))
                .filter(id -> as("kaisa").get("/api/measurement-plans/" + id).statusCode() == 200)
                .findFirst().orElse(null);
        assertNotNull(seriesId, "a demo series with a measurement plan");
        LocalDate today = LocalDate.now(HELSINKI);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> participant = Map.of("seriesId", seriesId, "consent", Map.of("givenBy", "PERSON",
                    "givenOn", today.minusDays(1).toString(), "covers", List.of("PARTICIPATION", "MEASUREMENTS")));
            codes.add(as("kaisa").body(participant).post("/api/participants").then().statusCode(201).extract().path("code"));
        }
        for (String code : codes) {
            for (String point : List.of("BASELINE", "END")) {
                Map<String, Object> measurement = Map.of("seriesId", seriesId, "instrumentKey", "ucla-3",
                        "timePoint", point, "participantCode", code, "measuredOn", today.toString(),
                        "answers", point.equals("BASELINE") ? Map.of("companionship", 3, "left-out", 3, "isolated", 2)
                                : Map.of("companionship", 1, "left-out", 2, "isolated", 1));
                long deadline = System.currentTimeMillis() + 60_000;
                while (true) {
                    Response response = as("kaisa").body(measurement).post("/api/measurements");
                    if (response.statusCode() == 201) {
                        break;
                    }
                    // outcomes learns of the participant from session-events: 422 referenced-exists until then.
                    assertTrue(response.statusCode() == 422 && response.asString().contains("referenced-exists")
                            && System.currentTimeMillis() < deadline, response.asString());
                    Thread.sleep(250);
                }
            }
        }
    }
}
