// BcStore re-stores a PKCS#12 keystore with Bouncy Castle's KeyStore.store(),
// for pkce's interop vectors (make.sh):
//
//   java -cp /usr/share/java/bcprov.jar BcStore.java PASSWORDFILE IN.p12 OUT.p12 TYPE
//
// TYPE is a Bouncy Castle keystore type: PKCS12, PKCS12-3DES-3DES,
// PKCS12-DEF (all three written in BER by store(OutputStream, char[])),
// or one of them with "/DER" appended, for store(PKCS12StoreParameter)
// with forDEREncoding set.
import java.io.*;
import java.nio.file.*;
import java.security.*;
import java.security.cert.Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public class BcStore {
    public static void main(String[] a) throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        char[] pw = Files.readAllLines(Paths.get(a[0])).get(0).toCharArray();
        KeyStore in = KeyStore.getInstance("PKCS12");
        try (InputStream s = new FileInputStream(a[1])) { in.load(s, pw); }
        String type = a.length > 3 ? a[3] : "PKCS12";
        boolean der = type.endsWith("/DER");
        KeyStore out = KeyStore.getInstance(type.replace("/DER", ""), "BC");
        out.load(null, null);
        for (String alias : java.util.Collections.list(in.aliases())) {
            if (in.isKeyEntry(alias)) out.setKeyEntry(alias, in.getKey(alias, pw), pw, in.getCertificateChain(alias));
            else out.setCertificateEntry(alias, in.getCertificate(alias));
        }
        try (OutputStream s = new FileOutputStream(a[2])) {
            if (der) out.store(new org.bouncycastle.jcajce.PKCS12StoreParameter(s, pw, true));
            else out.store(s, pw);
        }
    }
}
