// Package testvectors locates the shared ao test vectors for tests.
//
// The vectors live in ../shared/vectors beside the checkout (CI has them
// there) and are read in place: the upstream-derived files must not be
// copied into this repository. ACTORD_VECTORS overrides the location. When
// the folder is absent, as in a user's clone, tests that need it skip with
// a message that says where it was looked for; under CI they fail instead,
// so a broken CI layout cannot pass silently.
package testvectors

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// aoDir returns where the ao vectors should be.
func aoDir() string {
	dir := os.Getenv("ACTORD_VECTORS")
	if dir == "" {
		root, err := RepoRoot()
		if err != nil {
			root = "."
		}
		dir = filepath.Join(root, "..", "shared", "vectors")
	}
	return filepath.Join(dir, "ao")
}

// FindAODir returns the folder of the ao vectors and whether it exists,
// for callers such as fuzz seeding that use the vectors only when present.
func FindAODir() (string, bool) {
	dir := aoDir()
	_, err := os.Stat(filepath.Join(dir, "expected.json"))
	return dir, err == nil
}

// AODir returns the folder of the ao vectors, or skips the test.
func AODir(tb testing.TB) string {
	tb.Helper()
	dir := aoDir()
	if _, err := os.Stat(filepath.Join(dir, "expected.json")); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("shared ao vectors not found at %s (set ACTORD_VECTORS): %v", dir, err)
		}
		tb.Skipf("skipping: shared ao vectors not found at %s (they sit in ../shared beside the checkout; set ACTORD_VECTORS to point elsewhere)", dir)
	}
	return dir
}

// RepoRoot walks up from the working directory to the folder with go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Read returns a vector file's bytes.
func Read(tb testing.TB, dir, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatalf("reading vector: %v", err)
	}
	return b
}

// Lines returns the non-empty lines of a .b64 vector file.
func Lines(tb testing.TB, dir, name string) [][]byte {
	tb.Helper()
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(Read(tb, dir, name)))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if l := bytes.TrimSpace(sc.Bytes()); len(l) > 0 {
			out = append(out, append([]byte(nil), l...))
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("reading %s: %v", name, err)
	}
	return out
}

// Expected is the part of expected.json that tests read.
type Expected struct {
	Fresh struct {
		ProcessID       string `json:"process_id"`
		RSAOwnerAddress string `json:"rsa_owner_address"`
		ModuleTag       string `json:"module_tag"`
		SchedulerTag    string `json:"scheduler_tag"`
	} `json:"fresh"`
	Items     map[string]ItemFacts   `json:"items"`
	Bundles   map[string]BundleFacts `json:"bundles"`
	Schedules map[string]Schedule    `json:"schedules"`
}

// ItemFacts are the facts expected.json lists for one item.
type ItemFacts struct {
	ByteLength          int     `json:"byte_length"`
	Parses              *bool   `json:"parses"`
	ParseError          string  `json:"parse_error"`
	ID                  string  `json:"id"`
	SignatureType       int     `json:"signature_type"`
	SignatureTypeName   string  `json:"signature_type_name"`
	OwnerAddress        string  `json:"owner_address"`
	OwnerLength         int     `json:"owner_length"`
	Target              *string `json:"target"`
	Anchor              *string `json:"anchor"`
	AnchorJSON          *string `json:"anchor_json"`
	Tags                []Tag   `json:"tags"`
	TagsByteLength      int     `json:"tags_byte_length"`
	DataLength          int     `json:"data_length"`
	DataSHA256          string  `json:"data_sha256"`
	DataJSONLossy       *string `json:"data_json_lossy"`
	DataJSONIfUTF8      *string `json:"data_json_if_utf8"`
	SignatureVerifies   *bool   `json:"signature_verifies"`
	ReserialisesExact   *bool   `json:"reserialises_byte_exact"`
	TagsReencodeExact   *bool   `json:"tags_reencode_byte_exact"`
	StatelessPostCheck  *string `json:"stateless_post_check"`
	ReferenceSUAccepted *bool   `json:"reference_su_signature_accepted"`
}

// Tag is a name/value pair as expected.json writes it.
type Tag struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// BundleFacts describe a binary bundle file.
type BundleFacts struct {
	ItemCount         int      `json:"item_count"`
	ItemIDs           []string `json:"item_ids"`
	ItemSizes         []int    `json:"item_sizes"`
	RebuildsByteExact bool     `json:"rebuilds_byte_exact"`
}

// Schedule describes one SU schedule file.
type Schedule struct {
	ProcessID string         `json:"process_id"`
	SUAddress string         `json:"su_address"`
	Lines     []ScheduleLine `json:"lines"`
}

// ScheduleLine describes one outer SU bundle item of a schedule.
type ScheduleLine struct {
	Line                  int         `json:"line"`
	Nonce                 int         `json:"nonce"`
	AssignmentID          string      `json:"assignment_id"`
	MessageID             *string     `json:"message_id"`
	HashChain             string      `json:"hash_chain"`
	HashChainLinkVerifies *bool       `json:"hash_chain_link_verifies"`
	Timestamp             string      `json:"timestamp"`
	BlockHeight           string      `json:"block_height"`
	OuterID               string      `json:"outer_id"`
	OuterTags             []Tag       `json:"outer_tags"`
	OuterSignatureOK      bool        `json:"outer_signature_verifies"`
	OuterAnchor           *string     `json:"outer_anchor"`
	BundleItemCount       int         `json:"bundle_item_count"`
	Items                 []ItemFacts `json:"items"`
}

// LoadExpected parses expected.json from dir.
func LoadExpected(tb testing.TB, dir string) *Expected {
	tb.Helper()
	var e Expected
	if err := json.Unmarshal(Read(tb, dir, "expected.json"), &e); err != nil {
		tb.Fatalf("parsing expected.json: %v", err)
	}
	return &e
}
