package renewal

import (
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

func BenchmarkInventoryClassify(b *testing.B) {
	for _, n := range []int{1000, 1000000} {
		b.Run("held="+strconv.Itoa(n), func(b *testing.B) {
			inv := NewInventory(benchHeld(n))
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
