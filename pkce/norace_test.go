//go:build !race

package pkce

// raceDetector reports a test binary built with -race, where key
// derivations run about eight times slower.
const raceDetector = false
