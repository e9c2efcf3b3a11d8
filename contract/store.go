package contract

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"time"
)

// A Generation numbers the certificates of one contract (CT-4, CT-5). A
// contract gets at most one certificate of each generation: the original,
// and, once a replacement is decided, one replacement.
type Generation int

const (
	// GenerationOriginal is a certificate issued before a replacement was
	// decided ([Service.ReplacementDecided]), or when none is.
	GenerationOriginal Generation = 1
	// GenerationReplacement is a certificate issued on or after the
	// instant the replacement of CT-4 was decided: the one replacement
	// certificate a contract may get. A contract first issued after the
	// decision gets its one certificate in this generation.
	GenerationReplacement Generation = 2
)

// String returns "original", "replacement", or "Generation(n)" for other
// values.
func (g Generation) String() string {
	switch g {
	case GenerationOriginal:
		return "original"
	case GenerationReplacement:
		return "replacement"
	}
	return "Generation(" + strconv.Itoa(int(g)) + ")"
}

// An Issuance records one certificate issued for a contract, and what
// became of it: issued (the download mail sent, CT-7), then downloaded
// within the download window (CT-8), or never.
type Issuance struct {
	ContractID string
	// Generation is the certificate's generation: at most one issuance
	// per contract and generation (CT-5).
	Generation Generation
	// Key is the idempotency key of the [Ledger.Issue] call that recorded
	// the issuance: a retry with the same key gets this issuance back.
	Key string
	// At is when the certificate was issued: the instant the download mail
	// was sent (CT-7).
	At time.Time
	// Downloaded is the first recorded download, within the download
	// window and outside maintenance ([Ledger.Download]); zero if none.
	Downloaded time.Time
}

// A Store keeps issuances: at most one per contract and generation, and at
// most one per contract and key. Implementations must be safe for
// concurrent use. [MemoryStore] keeps them in memory, [SQLStore] in a SQL
// database.
//
// Each method is one atomic write or one read, so that an error never
// leaves half an issuance behind: a failed InsertIfAbsent has stored all
// of iss or nothing, and a failed RecordDownload has recorded the download
// or not. A Store must honour ctx's cancellation and deadline where its
// backend can.
type Store interface {
	// InsertIfAbsent stores iss, whose Downloaded is zero, unless the
	// contract has an issuance of the same Generation or with the same Key
	// already. It returns the issuance stored after the call and whether
	// it is iss, newly inserted; when it is not, it returns the issuance
	// with iss.Key if there is one, else the one of iss.Generation. Of any
	// number of concurrent calls for one contract and generation, at most
	// one may report inserted: a database backs this with unique
	// constraints on (contract, generation) and (contract, key).
	InsertIfAbsent(ctx context.Context, iss Issuance) (stored Issuance, inserted bool, err error)
	// Issuances returns the issuances of the contract, ordered by
	// generation; none is not an error.
	Issuances(ctx context.Context, contractID string) ([]Issuance, error)
	// RecordDownload records at as the download of the issuance of the
	// contract and generation, unless a download is recorded already, and
	// returns the issuance after the call. ok is false when there is no
	// such issuance.
	RecordDownload(ctx context.Context, contractID string, gen Generation, at time.Time) (iss Issuance, ok bool, err error)
}

// A MemoryStore is a [Store] in memory, for tests and single-process
// tools. The zero MemoryStore is empty and ready to use; it is safe for
// concurrent use and must not be copied after first use. Its methods
// return ctx's error, storing nothing, when ctx is done, and no other
// error. It keeps instants as given.
type MemoryStore struct {
	mu sync.Mutex
	m  map[string][]Issuance // by contract ID, ordered by generation
}

// InsertIfAbsent implements [Store].
func (s *MemoryStore) InsertIfAbsent(ctx context.Context, iss Issuance) (Issuance, bool, error) {
	if err := ctx.Err(); err != nil {
		return Issuance{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.m[iss.ContractID]
	if i := slices.IndexFunc(list, func(o Issuance) bool { return o.Key == iss.Key }); i >= 0 {
		return list[i], false, nil
	}
	i, found := slices.BinarySearchFunc(list, iss.Generation, func(o Issuance, g Generation) int { return int(o.Generation - g) })
	if found {
		return list[i], false, nil
	}
	if s.m == nil {
		s.m = make(map[string][]Issuance)
	}
	s.m[iss.ContractID] = slices.Insert(list, i, iss)
	return iss, true, nil
}

// Issuances implements [Store].
func (s *MemoryStore) Issuances(ctx context.Context, contractID string) ([]Issuance, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.m[contractID]), nil
}

// RecordDownload implements [Store].
func (s *MemoryStore) RecordDownload(ctx context.Context, contractID string, gen Generation, at time.Time) (Issuance, bool, error) {
	if err := ctx.Err(); err != nil {
		return Issuance{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.m[contractID]
	for i := range list {
		if list[i].Generation == gen {
			if list[i].Downloaded.IsZero() {
				list[i].Downloaded = at
			}
			return list[i], true, nil
		}
	}
	return Issuance{}, false, nil
}
