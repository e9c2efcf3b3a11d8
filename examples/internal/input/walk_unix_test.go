//go:build unix

package input

import (
	"os"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWalk walks a directory with links: a link to a file already read, a
// link back to a directory above (a loop), a link to a directory read
// elsewhere, a broken link, a named pipe, a file that holds nothing the
// command reads, and a tree deeper than the limit.
func TestWalk(t *testing.T) {
	leaf := []byte(fixture(t, "leaf.pem"))
	jks := fixture(t, "keystore.jks")
	t.Chdir(t.TempDir())
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll("d/sub/deep/deeper", 0o755))
	must(os.WriteFile("d/a.pem", leaf, 0o644))
	must(os.WriteFile("d/README", []byte("read me\n"), 0o644))
	must(os.WriteFile("d/cacerts", []byte(jks), 0o644))
	must(os.WriteFile("d/sub/deep/deeper/c.pem", leaf, 0o644))
	must(os.Symlink("a.pem", "d/b.pem"))
	must(os.Symlink("..", "d/sub/up"))
	must(os.Symlink("sub", "d/sub2"))
	must(os.Symlink("missing.pem", "d/broken.pem"))
	must(syscall.Mkfifo("d/fifo", 0o644))
	r := &Reader{Limits: Limits{Depth: 2}}
	g := collect(t, r, []string{"d", "d/a.pem"}, func(k Kind) bool { return k == KindCertificate })
	want := got{
		Items: []string{"certificate CERTIFICATE block line 1 #1"},
		Skips: []string{
			"d/README: holds nothing this command reads: no PEM block",
			"d/broken.pem: a broken symbolic link",
			"d/cacerts: holds nothing this command reads: a Java keystore (JKS or JCEKS) (want PKCS#12; convert it with keytool -importkeystore -deststoretype pkcs12)",
			"d/fifo: not a regular file (a named pipe)",
			"d/sub/deep/deeper: more than 2 directories deep",
			"d/sub/up: a link back to a directory above it (a loop)",
			"d/sub2: the same directory as d/sub, already read",
			"d: 1 entry skipped: the same file as another already read (links)",
			"d/a.pem: the same file as d/a.pem, already read",
		},
	}
	if d := cmp.Diff(want, g); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if len(r.Skipped) != 9 {
		t.Errorf("Skipped has %d entries, want 9 (the link to a.pem counted one by one): %v", len(r.Skipped), r.Skipped)
	}
}
