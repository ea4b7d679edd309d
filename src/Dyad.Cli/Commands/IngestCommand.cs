using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Storage;
using Dyad.Storage.ClickHouse;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad ingest INPUT... [--db PATH]</c>: read → code (on every core) → write (one writer, in input order, one
/// transaction per batch). Documents already stored (by content hash) are skipped, so a killed ingest resumes; a
/// document whose id is stored with other text is reported and not stored.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = CommonOptions.Inputs();
        var date = CommonOptions.Date();
        var db = StoreOptions.Db();
        // Each batch costs a look-up of the stories already stored and a commit: at 50 documents a batch, DuckDB took a
        // quarter of a Reuters ingest's CPU (38 s in all); at 500 the ingest takes 31 s. A killed ingest redoes at most one batch.
        var batchSize = new Option<int>("--batch") { Description = "Documents per transaction.", DefaultValueFactory = _ => 500 };
        var workers = new Option<int>("--workers") { Description = "Coding threads (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var verbose = new Option<bool>("--verbose") { Description = "Print a line on standard error for every committed batch." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress and no summary: only errors on standard error." };
        var dictionaries = new Option<string?>("--dictionaries") { Description = "PETRARCH/TABARI dictionaries to use as well as the built-in ones." };
        var command = new Command("ingest", "Code documents and store their events, fused with those already stored.\n"
            + "Example: dyad ingest samples/ --db dyad.duckdb")
        {
            inputs,
            date,
            db,
            batchSize,
            workers,
            verbose,
            quiet,
            dictionaries,
        };
        command.SetAction(parse =>
        {
            var location = parse.GetValue(db)!;
            var newFile = StoreOptions.IsFile(location) && !File.Exists(location);
            var coder = CoderFactory.Create(parse.GetValue(dictionaries), onlyExternal: false, context.Error);
            var batch = new InputBatch(parse.GetValue(inputs)!, CommonOptions.ParseDate(parse.GetValue(date)), context.In, context.Error);
            var store = StoreOptions.Open(location, readOnly: false);
            try
            {
                var progress = Progress.Start("ingest", context, parse.GetValue(quiet), parse.GetValue(inputs)!);
                var summary = Run(store, coder, batch, Math.Max(1, parse.GetValue(batchSize)), Math.Max(1, parse.GetValue(workers)), parse.GetValue(verbose), progress, context);
                if (!parse.GetValue(quiet))
                {
                    context.Error.WriteLine(summary);
                }
            }
            finally
            {
                store.Dispose();
                if (newFile && batch.Read == 0)
                {
                    // A store this run created and put nothing in is not left behind: the input was unreadable.
                    File.Delete(location);
                    File.Delete(location + ".wal");
                }
            }

            return batch.ExitCode();
        });
        return command;
    }

    /// <summary>
    /// Stories already stored, so a rerun skips them before coding. Only a shortcut: each batch is checked again when it
    /// is stored, so if the list cannot be read (a shard down), everything is coded and the store decides, retrying.
    /// </summary>
    private static ISet<string> KnownStories(IEventStore store)
    {
        try
        {
            return store.StoredDocumentHashes();
        }
        catch (StoreException)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private static string Run(IEventStore store, DocumentCoder coder, InputBatch inputs, int batchSize, int workerCount, bool verbose, Progress? progress, CliContext context)
    {
        var watch = Stopwatch.StartNew();
        var known = KnownStories(store);
        var toCode = Channel.CreateBounded<(long Seq, Document Document)>(workerCount * 4);
        var coded = Channel.CreateBounded<(long Seq, CodedDocument? Document, Document Source, string? Error)>(workerCount * 4);
        long documents = 0, skipped = 0, events = 0, failed = 0, read = 0, codedEvents = 0, storedBefore = 0;

        var reader = Task.Run(async () =>
        {
            // Whatever happens while reading, the coders must hear that no more is coming, or the run waits forever.
            Exception? failure = null;
            try
            {
                long seq = 0;
                foreach (var document in inputs.Documents())
                {
                    if (known.Contains(document.ContentHash))
                    {
                        Interlocked.Increment(ref skipped);
                        Interlocked.Increment(ref storedBefore);
                        continue;
                    }

                    await toCode.Writer.WriteAsync((seq++, document)).ConfigureAwait(false);
                    Interlocked.Increment(ref read);
                }
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
            finally
            {
                toCode.Writer.Complete(failure);
            }
        });

        var workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(async () =>
        {
            await foreach (var (seq, document) in toCode.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    await coded.Writer.WriteAsync((seq, coder.Code(document), document, null)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One story that trips a bug is reported and skipped; a coder that died would leave a gap in the
                    // input order, and every story after it would wait for the gap and never be stored.
                    await coded.Writer.WriteAsync((seq, null, document, $"could not be coded: {e.GetType().Name}: {e.Message}")).ConfigureAwait(false);
                }
            }
        })).ToArray();

        _ = Task.WhenAll(workers).ContinueWith(_ => coded.Writer.Complete(), TaskScheduler.Default);

        // One writer, in input order: the store's rows do not depend on thread timing.
        void Write()
        {
            var pending = new SortedDictionary<long, (CodedDocument? Document, Document Source, string? Error)>();
            var next = 0L;
            var batch = new List<CodedDocument>();
            var batches = 0;
            void Commit()
            {
                if (batch.Count == 0)
                {
                    return;
                }

                var result = store.Ingest(batch);
                documents += result.Documents;
                Interlocked.Add(ref skipped, result.Skipped);
                events += result.Events;
                foreach (var clash in result.Clashes)
                {
                    Interlocked.Increment(ref failed);
                    inputs.Fail(clash, $"document id '{clash.Id}' is already stored with different text; not stored");
                }

                batches++;
                if (verbose)
                {
                    progress?.Finish();
                    context.Error.WriteLine($"ingest: committed batch {batches}: {Counts.Of(result.Documents, "story", "stories")}, {Counts.Of(result.Events, "event", "events")} ({result.NewEvents:N0} new)");
                }

                batch.Clear();
            }

            foreach (var item in coded.Reader.ReadAllAsync().ToBlockingEnumerable())
            {
                pending[item.Seq] = (item.Document, item.Source, item.Error);
                while (pending.Remove(next, out var ready))
                {
                    next++;
                    if (ready.Document is { } document)
                    {
                        codedEvents += document.Events.Count;
                        progress?.Report(next + Interlocked.Read(ref storedBefore), codedEvents);
                        batch.Add(document);
                        if (batch.Count >= batchSize)
                        {
                            Commit();
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        progress?.Finish();
                        inputs.Fail(ready.Source, ready.Error ?? "could not be coded");
                    }
                }
            }

            Commit();
        }

        try
        {
            Write();
        }
        finally
        {
            progress?.Finish();
        }

        reader.GetAwaiter().GetResult();
        Task.WhenAll(workers).GetAwaiter().GetResult();
        if (store is ISharedEventStore shared)
        {
            // Other processes may be ingesting too: events come from one fusion of everything stored, run at the end.
            shared.Fuse();
        }

        var seconds = Math.Max(0.001, watch.Elapsed.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"ingested {Counts.Of(documents, "story", "stories")} ({skipped:N0} already stored, {failed:N0} failed), {Counts.Of(events, "event", "events")} in {seconds:F1} s: {documents / seconds:F1} stories/s, {events / seconds:F1} events/s");
    }
}

/// <summary>The --db option and opening a store with a one-line error.</summary>
internal static class StoreOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "The event store: a DuckDB file, or clickhouse://host:port[,host:port...]/database?cluster=name.",
        DefaultValueFactory = _ => "dyad.duckdb",
    };

    public static Option<bool> Partial() => new("--partial") { Description = "ClickHouse: answer from the live shards when one is down." };

    /// <summary>Whether the --db value names a DuckDB file (not a ClickHouse cluster).</summary>
    public static bool IsFile(string db) => !ClickHouseLocation.IsClusterAddress(db);

    /// <summary>
    /// The store an address names: <c>clickhouse://...</c> a cluster, anything else a DuckDB file. The program
    /// chooses here, where it is composed, so neither store's library needs to know of the other.
    /// </summary>
    public static IEventStore OpenStore(string db, bool readOnly, bool partial = false) =>
        ClickHouseLocation.IsClusterAddress(db) ? ClickHouseEventStore.Open(db, readOnly, partial) : DuckDbEventStore.Open(db, readOnly);

    /// <summary>Opens the store, a store that cannot be opened being a one-line error.</summary>
    public static IEventStore Open(string db, bool readOnly, bool partial = false)
    {
        try
        {
            return OpenStore(db, readOnly, partial);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
    }
}
