"""pyca.py writes PKCS#12 files with Python's cryptography, for pkce's
interop vectors (make.sh):

    python3 pyca.py PASSWORDFILE PKIDIR PREFIX

PREFIX-best.p12 is BestAvailableEncryption, PREFIX-legacy.p12 the 3DES
and SHA-1 MAC builder, PREFIX-truststore.p12 serialize_java_truststore
(certificates only, with Java's trusted-certificate attribute).
"""
import sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12

pw_file, pki, prefix = sys.argv[1:4]
password = open(pw_file, "rb").read().split(b"\n")[0]
key = serialization.load_pem_private_key(open(pki + "/leaf.key", "rb").read(), None)
leaf, inter, root = (x509.load_pem_x509_certificate(open(f"{pki}/{n}.pem", "rb").read()) for n in ("leaf", "inter1", "root"))

def write(name, data):
    with open(f"{prefix}-{name}.p12", "wb") as f:
        f.write(data)

write("best", pkcs12.serialize_key_and_certificates(
    b"client", key, leaf, [inter, root], serialization.BestAvailableEncryption(password)))
legacy = (serialization.PrivateFormat.PKCS12.encryption_builder()
          .kdf_rounds(2048)
          .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
          .hmac_hash(hashes.SHA1())
          .build(password))
write("legacy", pkcs12.serialize_key_and_certificates(b"client", key, leaf, [inter, root], legacy))
write("truststore", pkcs12.serialize_java_truststore(
    [pkcs12.PKCS12Certificate(root, b"root"), pkcs12.PKCS12Certificate(inter, b"inter1")],
    serialization.BestAvailableEncryption(password)))
