// dates.js prints one instant (Unix seconds, the first argument) as
// JavaScript prints dates: Date's toString, toUTCString and toISOString,
// and toLocaleString in Japanese and US English, in Asia/Tokyo and UTC.
// gentools.sh runs it with "node dates.js SECONDS".
const d = new Date(Number(process.argv[2]) * 1000);
const out = (zone, how, text) => console.log(zone + '\t' + how + '\t' + text);
out(process.env.TZ, 'Date.toString', d.toString());
out('UTC', 'Date.toUTCString', d.toUTCString());
out('UTC', 'Date.toISOString', d.toISOString());
for (const timeZone of ['Asia/Tokyo', 'UTC']) {
  for (const [loc, opts] of [
    ['ja-JP', {timeZoneName: 'long'}],
    ['ja-JP', {timeZoneName: 'short'}],
    ['ja-JP', {hour12: true, timeZoneName: 'short'}],
    ['ja-JP', {hour12: true, timeZoneName: 'long'}],
    ['ja-JP', {dateStyle: 'full', timeStyle: 'full'}],
    ['en-US', {timeZoneName: 'short'}],
    ['en-US', {timeZoneName: 'long'}],
  ]) {
    out(timeZone, 'toLocaleString ' + loc + ' ' + JSON.stringify(opts), d.toLocaleString(loc, {timeZone, ...opts}));
  }
}
