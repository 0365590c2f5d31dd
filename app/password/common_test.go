package password

import (
	"strings"
	"testing"
)

func TestCommonList(t *testing.T) {
	if n := CommonCount(); n < 10000 || n > 100000 {
		t.Fatalf("the shipped list holds %d passwords, want 10,000 to 100,000", n)
	}
	tests := []struct {
		pw     string
		common bool
	}{
		{"password", true},
		{"PassWord", true},
		{"qwerty123456", true},
		{"QWERTY123456", true},
		{"1qaz2wsx3edc", true},
		{"finalfantasy", true},
		{"aaaaaaaaaaaa", true},
		{"abcabcabcabc", true},
		{"12121212121212", true},
		{"123456789012", true},
		{"abcdefghijklmn", true},
		{"9876543210987", true},
		{"zonnebloem-aan-de-haven", false},
		{"Kustland 2026 overleg", false},
		{"correct horse battery staple", false},
		{"fietsenmaker", false},
		{strings.Repeat("ab", 3) + "c" + strings.Repeat("ab", 3), false},
	}
	for _, tt := range tests {
		if got := Common(tt.pw); got != tt.common {
			t.Errorf("Common(%q) = %v, want %v", tt.pw, got, tt.common)
		}
	}
}
