package ans104

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"github.com/actord/actord/internal/testvectors"
)

// loadVector returns the bytes of a vector named as expected.json names it:
// a .bin file, a one-line .b64 file, or "file.bin#N" for a bundle member.
func loadVector(t *testing.T, dir, name string) []byte {
	t.Helper()
	file, idx, member := strings.Cut(name, "#")
	switch {
	case member:
		items, err := ParseBundle(testvectors.Read(t, dir, file))
		if err != nil {
			t.Fatalf("ParseBundle(%s): %v", file, err)
		}
		for i, it := range items {
			if idx == string(rune('0'+i)) {
				return it.Bytes()
			}
		}
		t.Fatalf("%s has no item %s", file, idx)
	case strings.HasSuffix(file, ".b64"):
		lines := testvectors.Lines(t, dir, file)
		if len(lines) != 1 {
			t.Fatalf("%s has %d lines, want 1", file, len(lines))
		}
		b, err := Decode(string(lines[0]))
		if err != nil {
			t.Fatalf("decoding %s: %v", file, err)
		}
		return b
	}
	return testvectors.Read(t, dir, file)
}

// checkFacts asserts everything expected.json says about one item.
func checkFacts(t *testing.T, raw []byte, f testvectors.ItemFacts) {
	t.Helper()
	if f.ByteLength != 0 && len(raw) != f.ByteLength {
		t.Errorf("length = %d, want %d", len(raw), f.ByteLength)
	}
	it, err := Parse(raw)
	if f.Parses != nil && !*f.Parses {
		if err == nil {
			t.Fatalf("Parse succeeded, want error like %q", f.ParseError)
		}
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("Parse error %v does not wrap ErrMalformed", err)
		}
		want := strings.SplitN(f.ParseError, " ", 2)[0] // "target" / "invalid"
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Parse error %q does not mention %q (reference: %q)", err, want, f.ParseError)
		}
		return
	}
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got := it.ID(); got != f.ID {
		t.Errorf("ID = %s, want %s", got, f.ID)
	}
	if int(it.SignatureType) != f.SignatureType || it.SignatureType.String() != f.SignatureTypeName {
		t.Errorf("signature type = %d %s, want %d %s", it.SignatureType, it.SignatureType, f.SignatureType, f.SignatureTypeName)
	}
	if got := it.OwnerAddress(); got != f.OwnerAddress || len(it.Owner) != f.OwnerLength {
		t.Errorf("owner = %s (%d bytes), want %s (%d bytes)", got, len(it.Owner), f.OwnerAddress, f.OwnerLength)
	}
	checkOptional(t, "target", it.Target, f.Target)
	checkOptional(t, "anchor", it.Anchor, f.Anchor)
	if len(it.Tags) != len(f.Tags) {
		t.Errorf("%d tags, want %d", len(it.Tags), len(f.Tags))
	} else {
		for i, tag := range it.Tags {
			if tag.Name != f.Tags[i].Name || tag.Value != f.Tags[i].Value {
				t.Errorf("tag %d = %q=%q, want %q=%q", i, tag.Name, tag.Value, f.Tags[i].Name, f.Tags[i].Value)
			}
		}
	}
	if len(it.RawTags) != f.TagsByteLength {
		t.Errorf("tag block = %d bytes, want %d", len(it.RawTags), f.TagsByteLength)
	}
	if sum := sha256.Sum256(it.Data); len(it.Data) != f.DataLength || Encode(sum[:]) != f.DataSHA256 {
		t.Errorf("data = %d bytes sha256 %s, want %d bytes %s", len(it.Data), Encode(sum[:]), f.DataLength, f.DataSHA256)
	}
	if f.ReserialisesExact != nil && *f.ReserialisesExact && !bytes.Equal(it.Bytes(), raw) {
		t.Errorf("Bytes() differs from the input")
	}
	if f.TagsReencodeExact != nil && *f.TagsReencodeExact && !bytes.Equal(EncodeTags(it.Tags), it.RawTags) {
		t.Errorf("EncodeTags differs from the raw tag block")
	}
	if f.SignatureVerifies != nil {
		err := it.Verify()
		if *f.SignatureVerifies && err != nil {
			t.Errorf("Verify: %v", err)
		}
		if !*f.SignatureVerifies && !errors.Is(err, ErrInvalidSignature) {
			t.Errorf("Verify = %v, want ErrInvalidSignature", err)
		}
	}
}

func checkOptional(t *testing.T, what string, got []byte, want *string) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("%s = %s, want absent", what, Encode(got))
	case want != nil && Encode(got) != *want:
		t.Errorf("%s = %q, want %s", what, Encode(got), *want)
	}
}

// TestLocalVectors runs the generated vectors kept in testdata, so a clone
// without ../shared still checks every signature type and every rejection.
func TestLocalVectors(t *testing.T) {
	exp := testvectors.LoadExpected(t, "testdata")
	if len(exp.Items) < 12 {
		t.Fatalf("testdata/expected.json lists %d items, want at least 12", len(exp.Items))
	}
	for name, f := range exp.Items {
		t.Run(name, func(t *testing.T) {
			checkFacts(t, testvectors.Read(t, "testdata", name), f)
		})
	}
}

func TestSharedVectors(t *testing.T) {
	dir := testvectors.AODir(t)
	exp := testvectors.LoadExpected(t, dir)
	for name, f := range exp.Items {
		t.Run(name, func(t *testing.T) {
			checkFacts(t, loadVector(t, dir, name), f)
		})
	}
}

func TestSharedBundle(t *testing.T) {
	dir := testvectors.AODir(t)
	exp := testvectors.LoadExpected(t, dir)
	raw := testvectors.Read(t, dir, "message.bin")
	want := exp.Bundles["message.bin"]
	items, err := ParseBundle(raw)
	if err != nil {
		t.Fatalf("ParseBundle: %v", err)
	}
	if len(items) != want.ItemCount {
		t.Fatalf("%d items, want %d", len(items), want.ItemCount)
	}
	for i, it := range items {
		if it.ID() != want.ItemIDs[i] || it.Size() != want.ItemSizes[i] {
			t.Errorf("item %d = %s (%d bytes), want %s (%d bytes)", i, it.ID(), it.Size(), want.ItemIDs[i], want.ItemSizes[i])
		}
	}
	if !bytes.Equal(BundleBytes(items), raw) {
		t.Errorf("BundleBytes does not rebuild message.bin byte for byte")
	}
}

// TestSharedSchedules parses every SU outer bundle item of the schedule
// vectors and the items inside them, and checks their signatures.
func TestSharedSchedules(t *testing.T) {
	dir := testvectors.AODir(t)
	exp := testvectors.LoadExpected(t, dir)
	for file, sched := range exp.Schedules {
		t.Run(file, func(t *testing.T) {
			lines := testvectors.Lines(t, dir, file)
			if len(lines) != len(sched.Lines) {
				t.Fatalf("%d lines, want %d", len(lines), len(sched.Lines))
			}
			for i, l := range sched.Lines {
				raw, err := Decode(string(lines[i]))
				if err != nil {
					t.Fatalf("line %d: %v", i, err)
				}
				outer, err := Parse(raw)
				if err != nil {
					t.Fatalf("line %d: Parse: %v", i, err)
				}
				if outer.ID() != l.OuterID || outer.OwnerAddress() != sched.SUAddress {
					t.Errorf("line %d: outer %s by %s, want %s by %s", i, outer.ID(), outer.OwnerAddress(), l.OuterID, sched.SUAddress)
				}
				if err := outer.Verify(); (err == nil) != l.OuterSignatureOK {
					t.Errorf("line %d: outer Verify = %v, want ok=%v", i, err, l.OuterSignatureOK)
				}
				if !bytes.Equal(outer.Bytes(), raw) {
					t.Errorf("line %d: outer item does not round-trip", i)
				}
				inner, err := ParseBundle(outer.Data)
				if err != nil {
					t.Fatalf("line %d: ParseBundle: %v", i, err)
				}
				if len(inner) != l.BundleItemCount || len(l.Items) != len(inner) {
					t.Fatalf("line %d: %d inner items, want %d", i, len(inner), l.BundleItemCount)
				}
				for j, it := range inner {
					checkFacts(t, it.Bytes(), l.Items[j])
				}
				if !bytes.Equal(BundleBytes(inner), outer.Data) {
					t.Errorf("line %d: inner bundle does not rebuild byte for byte", i)
				}
			}
		})
	}
}
