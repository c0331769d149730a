// A stand-in service for the helpers' own tests: behaves as FIXTURE_MODE says. Like a real service,
// it installs its SIGTERM handler before it announces that it is ready.
const mode = process.env['FIXTURE_MODE'];
if (mode === 'crash') {
  process.stderr.write('boom: bad config\n');
  process.exit(1);
}
process.on('SIGTERM', () => {
  console.log(JSON.stringify({ msg: 'bye' }));
  process.exit(mode === 'unclean' ? 3 : 0);
});
setInterval(() => {}, 1000);
console.log('not json at all');
console.log(JSON.stringify({ msg: 'fixture ready', port: 1234 }));
