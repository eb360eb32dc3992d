// STUB: replaced by the CLI.
console.log('gsnc');
