package renewal

import (
	"runtime"

	"github.com/certlife/certlife/tz"

	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"strconv"
	"testing"
	"time"
)

// benchHeld builds n held certificates directly, without real
// certificates: distinct common names, 64 distinct public keys and no
// serial numbers, to keep the setup of a million small.
func benchHeld(n int) []Held {
	pubs := make([]crypto.PublicKey, 64)
	for i := range pubs {
		pubs[i] = edKey(byte(i + 10)).Public()
	}
	nb := utc(2025, 3, 1, 0, 0, 0)
	na := nb.Add(398*24*time.Hour - time.Second)
	held := make([]Held, n)
	buf := make([]byte, 0, 64)
	for i := range held {
		// One allocation per name, no garbage: the setup's peak memory is
		// the slice and the index, not what the collector has yet to free.
		buf = append(strconv.AppendInt(append(buf[:0], "host"...), int64(i), 10), ".example.jp"...)
		held[i] = Held{
			Subject:   pkix.Name{CommonName: string(buf)},
			NotBefore: nb.Add(time.Duration(i%3600) * time.Second),
			NotAfter:  na,
			PublicKey: pubs[i%len(pubs)],
		}
	}
	return held
}

// benchApps returns 1024 applications spread over the whole inventory (so
// that a large one is not read only at its start), one in four for a name
// not held.
func benchApps(n int) []Application {
	apps := make([]Application, 1024)
	key := edKey(200).Public()
	at := utc(2025, 12, 1, 0, 0, 0)
	for i := range apps {
		name := "host" + strconv.Itoa(i*n/len(apps)) + ".example.jp"
		if i%4 == 3 {
			name = "new" + strconv.Itoa(i) + ".example.jp"
		}
		apps[i] = Application{Subject: pkix.Name{CommonName: name}, PublicKey: key, At: at}
	}
	return apps
}

// BenchmarkInventoryClassify classifies against 1 000 and 1 000 000 held
// certificates; the cost per call must not grow with the inventory. It
// reports the heap the index takes per held certificate (index-B/held),
// beyond the Held values themselves, measured with runtime.MemStats.
func BenchmarkInventoryClassify(b *testing.B) {
	for _, n := range []int{1000, 1000000} {
		b.Run("held="+strconv.Itoa(n), func(b *testing.B) {
			held := benchHeld(n)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			inv := NewInventory(held)
			runtime.GC()
			runtime.ReadMemStats(&after)
			perHeld := float64(after.HeapAlloc-before.HeapAlloc) / float64(n)
			apps := benchApps(n)
			p := DefaultPolicy()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := inv.Classify(apps[i%len(apps)], p); err != nil {
					b.Fatal(err)
				}
				i++
			}
			// After the loop: b.Loop resets user metrics when it starts.
			b.ReportMetric(perHeld, "index-B/held")
		})
	}
}

// BenchmarkClassify is the linear scan, for comparison with the inventory.
func BenchmarkClassify(b *testing.B) {
	held := benchHeld(1000)
	apps := benchApps(1000)
	p := DefaultPolicy()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Classify(apps[i%len(apps)], held, p); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkNewInventory(b *testing.B) {
	held := benchHeld(1000)
	b.ReportAllocs()
	for b.Loop() {
		NewInventory(held)
	}
}

// BenchmarkPlanWindowsARI plans with an ARI window and two renewal
// windows (business hours and the year-end closing) that move Due.
func BenchmarkPlanWindowsARI(b *testing.B) {
	end := jst(2027, 1, 29, 12, 0, 0, 0)
	h := lifetime(end.Add(-90*24*time.Hour), 90*24*time.Hour)
	at := jst(2026, 12, 1, 0, 0, 0, 0)
	info := RenewalInfo{Start: jst(2026, 12, 29, 0, 0, 0, 0), End: jst(2026, 12, 31, 0, 0, 0, 0)}
	opts := []Option{SuggestedWindow(info), Windows(
		NotOn("year-end closing", tz.YearEndClosing(), tz.JST),
		BusinessHours(tz.BusinessCalendar{}, 10*time.Hour, 17*time.Hour, tz.JST))}
	p := ACME.Policy()
	b.ReportAllocs()
	for b.Loop() {
		s, err := Plan(h, at, p, opts...)
		if err != nil || s.Due.Before(jst(2027, 1, 4, 10, 0, 0, 0)) {
			b.Fatal(s.Due, err)
		}
	}
}

func BenchmarkPlan(b *testing.B) {
	h := held("www.example.jp", utc(2025, 3, 1, 0, 0, 0), nil, 12345)
	at, p := utc(2025, 6, 1, 0, 0, 0), DefaultPolicy()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Plan(h, at, p, Spread(48*time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPairKeysDuplicates pairs 1 500 copies of one key with 1 500
// certificates for it: linear, not 2 250 000 comparisons.
func BenchmarkPairKeysDuplicates(b *testing.B) {
	certs, privs := duplicatePairs(b, 1500)
	b.ReportAllocs()
	for b.Loop() {
		if p := PairKeys(certs, privs); len(p.Pairs) != 1500 || len(p.Duplicates) != 1499 {
			b.Fatalf("%d pairs, %d duplicates", len(p.Pairs), len(p.Duplicates))
		}
	}
}

// BenchmarkPairKeys pairs 100 certificates with 100 keys (RSA-2048, ECDSA
// P-256, Ed25519), 90 of them matching, the keys in reverse order.
func BenchmarkPairKeys(b *testing.B) {
	certs := make([]*x509.Certificate, 100)
	privs := make([]crypto.PrivateKey, 100)
	nb := utc(2025, 3, 1, 0, 0, 0)
	for i := range certs {
		var signer crypto.Signer
		switch {
		case i < 10:
			k, err := rsa.GenerateKey(rand.Reader, 2048)
			if err != nil {
				b.Fatal(err)
			}
			signer = k
		case i < 55:
			signer = ecKey(b)
		default:
			signer = edKey(byte(i))
		}
		certs[i] = newCert(b, "host"+strconv.Itoa(i)+".example.jp", signer, int64(i+1), nb, nb.AddDate(1, 0, 0))
		privs[len(privs)-1-i] = signer
		if i%10 == 9 { // an orphan on each side
			privs[len(privs)-1-i] = ecKey(b)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		p := PairKeys(certs, privs)
		if len(p.Pairs) != 90 {
			b.Fatalf("%d pairs", len(p.Pairs))
		}
	}
}
