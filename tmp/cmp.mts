import { readFileSync, readdirSync } from 'node:fs';
import { minutesPdf } from '../tests/unit/fixtures/minutes-pdf';
import { minutesHtml } from '../tests/unit/fixtures/minutes-html';
import { pdfToText } from '../src/lib/ingest/pdf';
import { htmlToText } from '../src/lib/ingest/html';
import { extractDocument } from '../src/lib/extract/index';
const dir = process.argv[2];
const manifest = JSON.parse(readFileSync(dir + '/manifest.json', 'utf8'));
const tot = { n: 0, pdf: 0, html: 0 };
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const text = readFileSync(dir + '/' + f, 'utf8');
  const meta = { doc_id: f, file_name: f, ...(manifest[f] ?? {}) };
  const pdf = await minutesPdf(text, { header: (p) => `Testby Kommune   Referat   Side ${p}`, footer: (p, n) => `Side ${p} af ${n}` });
  const tp = (await pdfToText(new Uint8Array(pdf))).text;
  const th = htmlToText(minutesHtml(text, f)).text;
  const key = (x: any) => `${x.metric}|${x.entity}|${x.area}|${x.period}|${x.value}`;
  const keys = (t: string) => new Set(extractDocument(t, meta).facts.filter(x => ['klagesager','budget','magtanvendelse'].includes(x.family)).map(key));
  const a = keys(text), p = keys(tp), h = keys(th);
  const diff = (b: Set<string>) => [[...a].filter((k) => !b.has(k)), [...b].filter((k) => !a.has(k))];
  const [pm, pe] = diff(p), [hm, he] = diff(h);
  tot.n += a.size; tot.pdf += a.size - pm.length; tot.html += a.size - hm.length;
  console.log(f.slice(0, 30), a.size, 'pdf -', pm.length, '+', pe.length, ' html -', hm.length, '+', he.length);
  if (process.env.V) console.log(pm.slice(0, 4), pe.slice(0, 4), hm.slice(0, 4), he.slice(0, 4));
}
console.log(tot);
