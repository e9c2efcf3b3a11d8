// forge.js writes PKCS#12 files with node-forge, for pkce's interop
// vectors (make.sh):
//
//   NODE_PATH=... node forge.js PASSWORDFILE PKIDIR PREFIX
//
// PREFIX-3des.p12 is node-forge's default (3DES key and certificates,
// SHA-1 MAC), PREFIX-aes256.p12 its {algorithm: 'aes256'} (PBES2).
const fs = require('fs');
const forge = require('node-forge');
const [pwFile, dir, prefix] = process.argv.slice(2);
const password = fs.readFileSync(pwFile, 'utf8').split('\n')[0];
const key = forge.pki.privateKeyFromPem(fs.readFileSync(dir + '/leaf.key', 'utf8'));
const certs = ['leaf.pem', 'inter1.pem', 'root.pem'].map(f => forge.pki.certificateFromPem(fs.readFileSync(dir + '/' + f, 'utf8')));
for (const [name, opts] of [['3des', {}], ['aes256', {algorithm: 'aes256'}]]) {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, Object.assign({friendlyName: 'client'}, opts));
  fs.writeFileSync(prefix + '-' + name + '.p12', Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}
