#!/bin/bash
# usage: tools/output-snapshot.sh REPO OUTDIR — every output a behaviour-preserving change must keep byte-identical,
# for one build of Dyad (build it first: dotnet build -c Release). Needs ../shared beside REPO (data, eval sets, scorers).
# Compare two builds with: diff -r OUTDIR_A OUTDIR_B (empty when nothing changed).
set -u
R=$(cd "$1" && pwd); O=$2; rm -rf "$O"; mkdir -p "$O"
D="dotnet $R/src/Dyad.Cli/bin/Release/net10.0/linux-x64/dyad.dll"
S=$(cd "$R/../shared" && pwd); PH=$S/data/phoenix-dictionaries; RE=$S/data/reuters21578/reuters21578.jsonl
cd "$O"
PETRARCH_RECORDS=$S/eval/petrarch2/unit-tests.jsonl python3 - <<'PY'
import json, os
with open('petrarch-docs.jsonl','w') as f:
    for l in open(os.environ['PETRARCH_RECORDS']):
        if not l.strip(): continue
        r=json.loads(l)
        if not r.get('valid', True): continue
        f.write(json.dumps({"id": r["id"], "date": r["date"], "text": r["text"]})+"\n")
PY
$S/tools/score-plover --docs > plover-docs.jsonl 2>/dev/null
run() { local name=$1; shift; $D "$@" > "$name" 2> "$name.err"; echo "$name rc=$?" >> rc.txt; }
run reuters-builtin.jsonl code $RE
run reuters-phoenix.jsonl code $RE --dictionaries $PH
run reuters-builtin.tsv code $RE --format tsv
run seed.jsonl code $S/seed/000_0a52640f911a041c.txt --date 2016-11-28
run petrarch.jsonl code petrarch-docs.jsonl --dictionaries $S/eval/petrarch2/dictionaries --only-external
run news-dev.jsonl code $S/eval/news-dev.jsonl
run news-dev-phoenix.jsonl code $S/eval/news-dev.jsonl --dictionaries $PH
run reuters-dev.jsonl code $S/eval/reuters-dev.jsonl
run plover.jsonl code plover-docs.jsonl
run samples.jsonl code $R/samples
head -n 3000 $RE > r3000.jsonl
run ingest.txt ingest r3000.jsonl --db store.duckdb --workers 2
for f in jsonl tsv gdelt icews; do run events.$f events --db store.duckdb --format $f; done
run events-parquet.txt events --db store.duckdb --format parquet --out events.parquet
run timeline.txt timeline USA JPN --db store.duckdb --by year
run mentions.txt events --db store.duckdb --id "$(head -1 events.jsonl | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["id"])')" --mentions
for c in code ingest events timeline serve fuse sentences parse train eval; do $D $c --help > help-$c.txt 2>&1; done
$D --help > help.txt 2>&1
# Timing and store files vary by run: keep only what must not.
sed -i -E 's/ in [0-9.]+ s: .*$//' ingest.txt.err
rm -f store.duckdb store.duckdb.wal r3000.jsonl
python3 -c "import pyarrow" 2>/dev/null && python3 -c "import pyarrow.parquet as pq; t=pq.read_table('events.parquet'); print(t.schema); print(t.to_pydict())" > events.parquet.txt; rm -f events.parquet
