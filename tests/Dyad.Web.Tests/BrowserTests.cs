using System.Globalization;
using Dyad.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Dyad.Web.Tests;

/// <summary>
/// The page in a real browser (Debian's Chromium, driven by Playwright; skipped when /usr/bin/chromium is absent):
/// load, filter to a dyad, see the timeline draw with its scales, open an event and check its highlighted spans and
/// names, reload the address and find the same view, filter by a PLOVER type, and draw a 50-month timeline whose
/// date labels do not overlap. Screenshots go to TestResults/screenshots/.
/// </summary>
public sealed class BrowserTests : IClassFixture<SampleStore>, IClassFixture<SeriesStore>
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly SampleStore _store;
    private readonly SeriesStore _series;

    public BrowserTests(SampleStore store, SeriesStore series)
    {
        _store = store;
        _series = series;
    }

    private static string ScreenshotFolder()
    {
        var folder = Path.Combine(SampleStore.RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A server on the store and a page in Chromium that records console errors; null when Chromium is absent.</summary>
    private sealed class Session : IAsyncDisposable
    {
        public required WebApplication App { get; init; }

        public required IPlaywright Playwright { get; init; }

        public required IBrowser Browser { get; init; }

        public required IPage Page { get; init; }

        public required string Address { get; init; }

        public List<string> Errors { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    private static async Task<Session> Open(string db)
    {
        Assert.False(!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") == "true", $"CI=true but {Chromium} is not installed: .ci/run could not install it");
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium)");
        var app = DyadWeb.Build(["--db", db, "--urls", "http://127.0.0.1:0"], (path, _) => DuckDbEventStore.Open(path, readOnly: true));
        await app.StartAsync();
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });
        var session = new Session { App = app, Playwright = playwright, Browser = browser, Page = page, Address = app.Urls.First() };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.Errors.Add(message.Text);
            }
        };
        return session;
    }

    /// <summary>The boxes of the elements a selector finds, in page pixels.</summary>
    private static async Task<List<LocatorBoundingBoxResult>> Boxes(IPage page, string selector)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var element in await page.Locator(selector).AllAsync())
        {
            boxes.Add((await element.BoundingBoxAsync())!);
        }

        return boxes;
    }

    /// <summary>The timeline's date labels, left to right, each clear of the next.</summary>
    private static async Task<List<LocatorBoundingBoxResult>> AssertDateLabelsApart(IPage page)
    {
        var labels = (await Boxes(page, "#timeline text.period-label")).OrderBy(b => b.X).ToList();
        Assert.NotEmpty(labels);
        foreach (var (left, right) in labels.Zip(labels.Skip(1)))
        {
            Assert.True(left.X + left.Width < right.X, $"date labels overlap: one ends at {left.X + left.Width:0.#} px, the next starts at {right.X:0.#} px");
        }

        return labels;
    }

    [SkippableFact]
    public async Task Filters_to_a_dyad_draws_the_timeline_and_shows_an_event_with_its_evidence()
    {
        await using var session = await Open(_store.Path);
        var page = session.Page;

        await page.GotoAsync(session.Address);
        await page.WaitForSelectorAsync("#events tbody tr");
        await page.WaitForSelectorAsync("#map path.land");
        var shots = ScreenshotFolder();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "1-loaded.png"), FullPage = true });

        // The filters in one row: every control's middle at the same height (the dyad's two inputs side by side).
        var controls = await Boxes(page, "#filters input, #filters select, #filters button");
        var middles = controls.Select(b => b.Y + b.Height / 2).ToList();
        Assert.True(middles.Max() - middles.Min() < 4, $"filter controls' middles from {middles.Min():0.#} to {middles.Max():0.#} px");
        // Dates are typed and shown as ISO text, whatever the browser's locale.
        Assert.Equal("text", await page.GetAttributeAsync("input[name=from]", "type") ?? "text");
        Assert.Equal("yyyy-mm-dd", await page.GetAttributeAsync("input[name=from]", "placeholder"));
        // Each legend entry on one line, its swatch beside its words.
        foreach (var item in await page.Locator(".legend-item").AllAsync())
        {
            var box = (await item.BoundingBoxAsync())!;
            var key = (await item.Locator(".key").BoundingBoxAsync())!;
            Assert.True(box.Height < 24, $"legend entry '{await item.TextContentAsync()}' is {box.Height:0.#} px high");
            Assert.InRange(key.Y + key.Height / 2, box.Y, box.Y + box.Height);
        }

        await page.FillAsync("input[name=a]", "CHN");
        await page.FillAsync("input[name=b]", "PHL");
        await page.FillAsync("input[name=from]", "2024-01-01");
        await page.ClickAsync("#search");
        await page.WaitForSelectorAsync("#timeline rect.bar");
        Assert.Equal("2024-01-01", await page.InputValueAsync("input[name=from]"));
        var bars = await page.Locator("#timeline rect.bar").CountAsync();
        Assert.True(bars >= 3, $"{bars} bars in the timeline");
        Assert.Contains("CHN – PHL", await page.TextContentAsync("#timeline-title"), StringComparison.Ordinal);
        // A count scale in whole numbers from zero, a Goldstein scale from -10 to +10, date labels apart.
        var counts = (await page.Locator("#timeline text.tick-count").AllTextContentsAsync()).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.True(counts.Count >= 2 && counts[0] == 0, string.Join(" ", counts));
        Assert.Equal(["-10", "-5", "0", "+5", "+10"], await page.Locator("#timeline text.tick-goldstein").AllTextContentsAsync());
        await AssertDateLabelsApart(page);
        var rows = await page.Locator("#events tbody tr").CountAsync();
        Assert.True(rows >= 4, $"{rows} events listed");
        // Names beside codes.
        var cameo = page.Locator("#events tbody tr td:nth-child(4)").First;
        Assert.False(string.IsNullOrWhiteSpace(await cameo.Locator(".name").TextContentAsync()));
        Assert.False(string.IsNullOrWhiteSpace(await cameo.GetAttributeAsync("title")));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "2-dyad.png"), FullPage = true });
        Assert.Contains("a=CHN", page.Url, StringComparison.Ordinal);
        Assert.Contains("b=PHL", page.Url, StringComparison.Ordinal);

        var first = page.Locator("#events tbody tr").First;
        var id = await first.GetAttributeAsync("data-id");
        await first.ClickAsync();
        await page.WaitForSelectorAsync("#event-view:not([hidden]) mark.hl-trigger");
        var trigger = await page.TextContentAsync("mark.hl-trigger");
        Assert.False(string.IsNullOrWhiteSpace(trigger));
        Assert.True(await page.Locator("mark.hl-source").CountAsync() >= 1);
        var sentence = await page.TextContentAsync("#event-sentence");
        Assert.Contains(trigger!, sentence, StringComparison.Ordinal);
        Assert.True(await page.Locator("#event-mentions li").CountAsync() >= 1);
        Assert.Contains("“", await page.TextContentAsync("#event-facts"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "3-event.png"), FullPage = true });

        // The address holds the view: loading it in a fresh page restores filters, dyad, timeline and event.
        var link = page.Url;
        Assert.Contains("event=" + Uri.EscapeDataString(id!), link, StringComparison.Ordinal);
        var shared = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });
        await shared.GotoAsync(link);
        await shared.WaitForSelectorAsync("#timeline rect.bar");
        await shared.WaitForSelectorAsync("#event-view:not([hidden]) mark.hl-trigger");
        Assert.Equal("CHN", await shared.InputValueAsync("input[name=a]"));
        Assert.Equal("PHL", await shared.InputValueAsync("input[name=b]"));
        Assert.Equal("2024-01-01", await shared.InputValueAsync("input[name=from]"));
        Assert.Contains("CHN – PHL", await shared.TextContentAsync("#timeline-title"), StringComparison.Ordinal);
        Assert.Equal(id, await shared.TextContentAsync("#event-id"));
        Assert.Equal(rows, await shared.Locator("#events tbody tr").CountAsync());

        Assert.Empty(session.Errors);
    }

    [SkippableFact]
    public async Task A_PLOVER_type_filter_lists_only_events_of_that_type()
    {
        await using var session = await Open(_store.Path);
        var page = session.Page;
        await page.GotoAsync(session.Address);
        await page.WaitForSelectorAsync("#events tbody tr");
        var everything = await page.Locator("#events tbody tr").CountAsync();
        var options = (await page.Locator("select[name=plover] option").AllTextContentsAsync()).Skip(1).Order(StringComparer.Ordinal);
        Assert.Equal(Dyad.Events.PloverTable.Default.Types, options);

        await page.SelectOptionAsync("select[name=plover]", "ACCUSE");
        await page.ClickAsync("#search");
        // The page's policy allows no evaluated script, so the test polls the list from here.
        for (var wait = 0; wait < 100 && await page.Locator("#events tbody tr").CountAsync() >= everything; wait++)
        {
            await Task.Delay(100);
        }

        var types = await page.Locator("#events tbody td.plover .code").AllTextContentsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("ACCUSE", t));
        Assert.Contains("plover=ACCUSE", page.Url, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [SkippableFact]
    public async Task A_fifty_month_timeline_has_date_labels_that_do_not_overlap()
    {
        await using var session = await Open(_series.Path);
        var page = session.Page;

        await page.GotoAsync(session.Address + "?a=JPN&b=KOR");
        await page.WaitForSelectorAsync("#timeline rect.bar");

        // 50 periods, 2020-01 to 2024-02, the five empty months among them as gaps.
        Assert.Equal(50, await page.Locator("#timeline line.period-tick").CountAsync());
        var labels = await AssertDateLabelsApart(page);
        Assert.True(labels.Count >= 4, $"{labels.Count} date labels");
        await page.Locator("#timeline-panel").ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "4-timeline-50-page.png") });
        Assert.Empty(session.Errors);
    }
}
