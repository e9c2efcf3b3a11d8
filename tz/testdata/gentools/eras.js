// eras.js prints one instant (Unix seconds, the first argument) in
// Asia/Tokyo with Japanese era years, as Intl formats the ja-JP-u-ca-japanese
// locale: the default, era "long", and the full, long and medium styles
// (short has no seconds). gentools.sh runs it with "node eras.js SECONDS".
const d = new Date(Number(process.argv[2]) * 1000);
for (const opts of [
  {},
  {era: 'long'},
  {dateStyle: 'full', timeStyle: 'full'},
  {dateStyle: 'long', timeStyle: 'long'},
  {dateStyle: 'medium', timeStyle: 'medium'},
]) {
  const text = d.toLocaleString('ja-JP-u-ca-japanese', {timeZone: 'Asia/Tokyo', ...opts});
  console.log('toLocaleString ja-JP-u-ca-japanese ' + JSON.stringify(opts) + '\t' + text);
}
