package contract_test

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
)

func BenchmarkAccess(b *testing.B) {
	cert := certFor(b, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	s := contract.DefaultService()
	b.Run("allowed", func(b *testing.B) {
		at := jst(2026, 9, 1, 12, 0, 0, 0)
		b.ReportAllocs()
		for b.Loop() {
			if err := contract.Access(fy26, cert, at, s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("revoked", func(b *testing.B) {
		at := jst(2027, 4, 1, 0, 0, 0, 0)
		b.ReportAllocs()
		for b.Loop() {
			if err := contract.Access(fy26, cert, at, s); err == nil {
				b.Fatal("allowed")
			}
		}
	})
}

func BenchmarkIssueBy(b *testing.B) {
	for _, bc := range []struct {
		name string
		d    tz.Date
		cal  tz.BusinessCalendar
	}{
		{"ordinary", date(2026, 6, 1), tz.BusinessCalendar{}},
		{"golden-week", date(2026, 4, 24), tz.BusinessCalendar{}},
		{"year-end-closing", date(2026, 12, 28), tz.BusinessCalendar{}.With(tz.YearEndClosing())},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := contract.IssueBy(bc.d, bc.cal); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMaintenanceAt(b *testing.B) {
	announced := contract.Maintenance{
		Announced: []contract.Window{
			{Start: jst(2026, 6, 30, 22, 0, 0, 0), End: jst(2026, 7, 1, 8, 0, 0, 0)},
			{Start: jst(2026, 12, 31, 22, 0, 0, 0), End: jst(2027, 1, 1, 8, 0, 0, 0)},
		},
		Cancelled: []tz.Date{date(2026, 8, 18)},
	}
	for _, bc := range []struct {
		name string
		m    contract.Maintenance
		t    time.Time
	}{
		{"usual-up", contract.Maintenance{}, jst(2026, 5, 12, 23, 0, 0, 0)},
		{"usual-down", contract.Maintenance{}, jst(2026, 5, 19, 23, 0, 0, 0)},
		{"announced-down", announced, jst(2026, 7, 1, 3, 0, 0, 0)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bc.m.At(bc.t)
			}
		})
	}
}

func BenchmarkMaintenanceNext(b *testing.B) {
	var m contract.Maintenance
	after := jst(2026, 4, 28, 12, 0, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		m.Next(after)
	}
}

// weekly returns n announced windows, one a week from 2026-01-01 22:00
// JST, each ten hours long: 8 000 of them reach into the 2170s.
func weekly(n int) []contract.Window {
	ws := make([]contract.Window, n)
	start := jst(2026, 1, 1, 22, 0, 0, 0)
	for i := range ws {
		s := start.Add(time.Duration(i) * 7 * 24 * time.Hour)
		ws[i] = contract.Window{Start: s, End: s.Add(10 * time.Hour)}
	}
	return ws
}

// BenchmarkMaintenanceMany measures At and Next among 8 000 announced
// windows (CT-9 at scale): indexed by NewMaintenance, and as a literal,
// which sorts on every call.
func BenchmarkMaintenanceMany(b *testing.B) {
	ws := weekly(8000)
	at := jst(2100, 6, 1, 12, 0, 0, 0)
	for _, bc := range []struct {
		name string
		m    contract.Maintenance
	}{
		{"indexed", contract.NewMaintenance(ws, nil)},
		{"literal", contract.Maintenance{Announced: ws}},
	} {
		b.Run("At/"+bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bc.m.At(at)
			}
		})
		b.Run("Next/"+bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bc.m.Next(at)
			}
		})
	}
	b.Run("NewMaintenance", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			contract.NewMaintenance(ws, nil)
		}
	})
}

// BenchmarkGatekeeper measures what the gatekeeper adds to the update
// server: per TLS handshake (VerifyConnection, and whole handshakes over
// an in-memory pipe with and without it) and per HTTP request (Handler
// around a handler that writes nothing, against that handler alone). The
// contracts are in a MemoryContracts; a database lookup adds its own
// round trip.
func BenchmarkGatekeeper(b *testing.B) {
	cert := certFor(b, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	var contracts contract.MemoryContracts
	for i := range 10000 { // a realistic number of contracts
		c := fy26
		c.ID = fmt.Sprintf("C-2026-%05d", i)
		if err := contracts.Put(c); err != nil {
			b.Fatal(err)
		}
	}
	if err := contracts.Put(fy26); err != nil {
		b.Fatal(err)
	}
	at := jst(2026, 9, 1, 12, 0, 0, 0)
	g := &contract.Gatekeeper{Contracts: &contracts, Now: func() time.Time { return at }}
	cs := *verified(cert)

	b.Run("VerifyConnection", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := g.VerifyConnection(cs); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("VerifyConnection/refused", func(b *testing.B) {
		late := &contract.Gatekeeper{Contracts: &contracts, Now: func() time.Time { return jst(2027, 4, 1, 0, 0, 0, 0) }}
		b.ReportAllocs()
		for b.Loop() {
			if err := late.VerifyConnection(cs); err == nil {
				b.Fatal("allowed")
			}
		}
	})

	noop := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"bare", noop}, {"gatekeeper", g.Handler(noop)}} {
		b.Run("Handler/"+h.name, func(b *testing.B) {
			r := httptest.NewRequest("GET", "https://updates.example/el7/repodata/repomd.xml", nil)
			r.TLS = &cs
			w := httptest.NewRecorder()
			b.ReportAllocs()
			for b.Loop() {
				h.h.ServeHTTP(w, r)
			}
		})
	}

	pki := newPKI(b)
	client := pki.clientCert(b, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0))
	pool := x509.NewCertPool()
	pool.AddCert(pki.ca)
	clock := func() time.Time { return at }
	for _, verify := range []bool{false, true} {
		name := "TLSHandshake/bare"
		srvCfg := &tls.Config{Certificates: []tls.Certificate{pki.server}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool, Time: clock}
		if verify {
			name = "TLSHandshake/gatekeeper"
			srvCfg.VerifyConnection = g.VerifyConnection
		}
		cliCfg := &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{client}, ServerName: "127.0.0.1", Time: clock,
			ClientSessionCache: nil}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c, s := net.Pipe()
				done := make(chan error, 1)
				go func() { done <- tls.Server(s, srvCfg).Handshake() }()
				if err := tls.Client(c, cliCfg).Handshake(); err != nil {
					b.Fatal(err)
				}
				if err := <-done; err != nil {
					b.Fatal(err)
				}
				c.Close()
				s.Close()
			}
		})
	}
}
