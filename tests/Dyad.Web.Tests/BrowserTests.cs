using Dyad.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Dyad.Web.Tests;

/// <summary>
/// The page in a real browser (Debian's Chromium, driven by Playwright; skipped when /usr/bin/chromium is absent):
/// load, filter to a dyad, see the timeline draw, open an event and check its highlighted spans. Screenshots go to
/// TestResults/screenshots/.
/// </summary>
public sealed class BrowserTests : IClassFixture<SampleStore>
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly SampleStore _store;

    public BrowserTests(SampleStore store) => _store = store;

    private static string ScreenshotFolder()
    {
        var folder = Path.Combine(SampleStore.RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [SkippableFact]
    public async Task Filters_to_a_dyad_draws_the_timeline_and_shows_an_event_with_its_evidence()
    {
        Assert.False(!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") == "true", $"CI=true but {Chromium} is not installed: .ci/run could not install it");
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium)");
        await using var app = DyadWeb.Build(["--db", _store.Path, "--urls", "http://127.0.0.1:0"], (db, _) => DuckDbEventStore.Open(db, readOnly: true));
        await app.StartAsync();
        var address = app.Urls.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(address);
        await page.WaitForSelectorAsync("#events tbody tr");
        await page.WaitForSelectorAsync("#map path.land");
        var shots = ScreenshotFolder();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "1-loaded.png"), FullPage = true });

        await page.FillAsync("input[name=a]", "CHN");
        await page.FillAsync("input[name=b]", "PHL");
        await page.ClickAsync("#search");
        await page.WaitForSelectorAsync("#timeline rect.bar");
        var bars = await page.Locator("#timeline rect.bar").CountAsync();
        Assert.True(bars >= 3, $"{bars} bars in the timeline");
        Assert.Contains("CHN – PHL", await page.TextContentAsync("#timeline-title"), StringComparison.Ordinal);
        var rows = await page.Locator("#events tbody tr").CountAsync();
        Assert.True(rows >= 4, $"{rows} events listed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "2-dyad.png"), FullPage = true });

        await page.Locator("#events tbody tr").First.ClickAsync();
        await page.WaitForSelectorAsync("#event-view:not([hidden]) mark.hl-trigger");
        var trigger = await page.TextContentAsync("mark.hl-trigger");
        Assert.False(string.IsNullOrWhiteSpace(trigger));
        Assert.True(await page.Locator("mark.hl-source").CountAsync() >= 1);
        var sentence = await page.TextContentAsync("#event-sentence");
        Assert.Contains(trigger!, sentence, StringComparison.Ordinal);
        Assert.True(await page.Locator("#event-mentions li").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "3-event.png"), FullPage = true });

        Assert.Empty(errors);
        await app.StopAsync();
    }
}
