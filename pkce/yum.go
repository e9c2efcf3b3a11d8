package pkce

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// YumRepo describes the repository a client certificate opens, for
// [Bundle.Yum].
type YumRepo struct {
	// ID is the repository id, the [section] of the .repo file and its
	// file name: letters, digits and "-_.:", as yum allows.
	ID string
	// Name is the repository's name= line; empty means ID.
	Name string
	// BaseURL is the repository's baseurl=, an https URL.
	BaseURL string
	// Dir is the absolute directory on the CentOS 7 server where the PEM
	// files will be installed, such as /etc/pki/certlife; the .repo file
	// names them there.
	Dir string
	// CA holds the certificates yum verifies the repository's server
	// with (sslcacert=). Empty means the bundle's Chain; if that is empty
	// too, there is no sslcacert line and yum uses the system's CAs.
	CA []*x509.Certificate
}

// YumFiles are the files yum on CentOS 7 reads for a client certificate
// (PK-5), made by [Bundle.Yum]: their basenames and contents.
type YumFiles struct {
	// CertName and Cert are the client certificate, alone, in PEM
	// (sslclientcert=).
	CertName string
	Cert     []byte
	// KeyName and Key are its private key, unencrypted, as an RSA PRIVATE
	// KEY (PKCS#1) PEM block (sslclientkey=); Write gives it mode 0600.
	KeyName string
	Key     []byte
	// CAName and CA are the CA certificates in PEM (sslcacert=); both
	// empty when there are none.
	CAName string
	CA     []byte
	// RepoName and Repo are the .repo file for /etc/yum.repos.d.
	RepoName string
	Repo     []byte
}

// Yum produces what yum on CentOS 7 reads for the bundle's client
// certificate (PK-5): yum's curl is built on NSS, which reads the
// sslclientcert and sslclientkey files of a .repo through nss-pem.
//
//	files, err := b.Yum(pkce.YumRepo{ID: "certlife", BaseURL: "https://repo.example.jp/el7/", Dir: "/etc/pki/certlife"})
//	err = files.Write(ctx, "out") // then install out/* on the server
//
// PK-5: "nss-pem reads PEM certificates and only unencrypted RSA keys
// (RSA PRIVATE KEY or PRIVATE KEY); an EC key or an encrypted PEM key
// cannot be used by a cron'd yum, and two sslclientcert files with the
// same basename are taken as identical." So the key is written
// unencrypted as an RSA PRIVATE KEY, and every basename carries the
// repository id and the first 16 hex digits of the certificate's SHA-256
// fingerprint, so that a renewed certificate never shares a basename with
// the one it replaces. The certificate file holds the leaf alone:
// nss-pem names every certificate of a file by the file's basename.
//
// A key other than RSA is refused with a *[TargetError] for [YumCentOS7]
// (ReasonKeyAlgorithm, unwrapping to [ErrUnreadable]) saying why; a
// bundle without a key or with a key not matching its leaf with a
// *[KeyError]; a bad YumRepo with an error naming the field.
func (b *Bundle) Yum(repo YumRepo) (*YumFiles, error) {
	if b == nil || b.Key == nil || b.Leaf == nil {
		return nil, &KeyError{Reason: ReasonNoKey, Detail: "yum needs the client certificate's key"}
	}
	if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
		return nil, err
	}
	if err := yumKey(b.Key); err != nil {
		return nil, err
	}
	if err := repo.check(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b.Leaf.Raw)
	base := repo.ID + "-" + hex.EncodeToString(sum[:8])
	f := &YumFiles{
		CertName: base + "-cert.pem",
		Cert:     pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: b.Leaf.Raw}),
		KeyName:  base + "-key.pem",
		Key:      pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(b.Key.(*rsa.PrivateKey))}),
		RepoName: repo.ID + ".repo",
	}
	cas := repo.CA
	if len(cas) == 0 {
		cas = b.Chain
	}
	for _, c := range cas {
		f.CA = append(f.CA, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	if len(f.CA) > 0 {
		f.CAName = base + "-ca.pem"
	}
	name := repo.Name
	if name == "" {
		name = repo.ID
	}
	var r strings.Builder
	fmt.Fprintf(&r, "[%s]\nname=%s\nbaseurl=%s\nenabled=1\ngpgcheck=1\nsslverify=1\n", repo.ID, name, repo.BaseURL)
	fmt.Fprintf(&r, "sslclientcert=%s\nsslclientkey=%s\n", path.Join(repo.Dir, f.CertName), path.Join(repo.Dir, f.KeyName))
	if f.CAName != "" {
		fmt.Fprintf(&r, "sslcacert=%s\n", path.Join(repo.Dir, f.CAName))
	}
	f.Repo = []byte(r.String())
	return f, nil
}

func (r YumRepo) check() error {
	bad := func(field, why string) error { return errors.New("pkce: YumRepo." + field + " " + why) }
	if r.ID == "" || strings.Trim(r.ID, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") != "" {
		return bad("ID", strconv.Quote(r.ID)+" is not letters, digits and -_.:")
	}
	if !strings.HasPrefix(r.BaseURL, "https://") || strings.ContainsAny(r.BaseURL, "\n\r ") {
		return bad("BaseURL", strconv.Quote(r.BaseURL)+" is not an https URL")
	}
	if !path.IsAbs(r.Dir) || strings.ContainsAny(r.Dir, "\n\r") {
		return bad("Dir", strconv.Quote(r.Dir)+" is not an absolute path")
	}
	if strings.ContainsAny(r.Name, "\n\r") {
		return bad("Name", "has a line break")
	}
	return nil
}

// yumKey applies PK-5's "only unencrypted RSA keys".
func yumKey(k crypto.PrivateKey) error {
	if _, ok := k.(*rsa.PrivateKey); ok {
		return nil
	}
	return &TargetError{Target: YumCentOS7, Reason: ReasonKeyAlgorithm, Where: "key",
		Found: "an " + describeKey(k) + " key; nss-pem, through which yum reads the client key, reads only RSA keys, so the certificate must be reissued for an RSA key"}
}

// describeKey names a parsed key as KeyBag.Algorithm does.
func describeKey(k crypto.PrivateKey) string {
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return "RSA " + strconv.Itoa(k.N.BitLen())
	case *ecdsa.PrivateKey:
		return "ECDSA " + k.Curve.Params().Name
	case ed25519.PrivateKey:
		return "Ed25519"
	}
	return fmt.Sprintf("%T", k)
}

// Write writes the files into dir, each atomically (a temporary file
// renamed into place): the key with mode 0600, the others 0644, whatever
// modes files of those names had. dir must exist. It stops, leaving the
// files written so far, when ctx is done or a write fails.
//
//	err := files.Write(ctx, "/etc/pki/certlife") // then move files.RepoName to /etc/yum.repos.d
func (f *YumFiles) Write(ctx context.Context, dir string) error {
	type file struct {
		name string
		data []byte
		mode os.FileMode
	}
	files := []file{{f.CertName, f.Cert, 0o644}, {f.KeyName, f.Key, 0o600}, {f.CAName, f.CA, 0o644}, {f.RepoName, f.Repo, 0o644}}
	for _, x := range files {
		if x.name == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := writeAtomic(filepath.Join(dir, x.name), x.data, x.mode); err != nil {
			return fmt.Errorf("pkce: writing %s: %w", x.name, err)
		}
	}
	return nil
}

func writeAtomic(name string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file 0600, so the key is never readable by
	// others, even for a moment.
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
