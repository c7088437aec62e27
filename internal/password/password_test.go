package password

import (
	"strings"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h, err := Hash("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=2,p=2$") {
		t.Fatalf("hash %q is not in PHC argon2id format", h)
	}
	h2, _ := Hash("correct horse battery staple")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	for _, tc := range []struct {
		pw   string
		want bool
	}{
		{"correct horse battery staple", true},
		{"correct horse battery stapl", false},
		{"", false},
		{strings.Repeat("x", MaxLength+1), false},
	} {
		ok, err := Verify(tc.pw, h)
		if err != nil || ok != tc.want {
			t.Errorf("Verify(%.20q) = %v, %v; want %v", tc.pw, ok, err, tc.want)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, pw := range []string{"short", "elevenchars", "\xff\xfe invalid utf-8 …", strings.Repeat("a", MaxLength+1)} {
		if Check(pw) == nil {
			t.Errorf("Check(%.20q) = nil, want an error", pw)
		}
	}
	if err := Check("twelve chars"); err != nil {
		t.Errorf("Check(twelve chars) = %v", err)
	}
}

func TestVerifyMalformed(t *testing.T) {
	for _, h := range []string{"", "$2a$10$abc", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=65536,t=2,p=2$!!$AAAA"} {
		if _, err := Verify("whatever password", h); err == nil {
			t.Errorf("Verify against %q: no error", h)
		}
	}
}
