// tiny-inflate's function on Node's own inflater, for the CLI bundle (scripts/bundle.js): fontkit,
// unicode-properties and linebreak inflate their Unicode tables as they load, and tiny-inflate,
// JavaScript not yet compiled at that point, took ~30 ms of every PDF-writing start for it.
// tiny-inflate(source, dest) inflates raw DEFLATE data into dest; it returns dest, or a copy of
// its first bytes when the data is shorter; bytes beyond dest's length are dropped.
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  if (out.length >= dest.length) return dest;
  return typeof dest.slice === 'function' ? dest.slice(0, out.length) : dest.subarray(0, out.length);
};
