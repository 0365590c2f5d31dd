package casus

import "testing"

func TestNormalise(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"plain text is kept", "Kerkstraat 12", "Kerkstraat 12"},
		{"dashes", "06–12‑34−56—78‐9", "06-12-34-56-78-9"},
		{"spaces", "1234\u00a0AB\u202f12\u2009x\u3000y", "1234 AB 12 x y"},
		{"invisible characters are dropped", "12\u200b34\u00ad56\ufeff", "123456"},
		{"full-width forms", "０６＠ｎｌ", "06@nl"},
		{"digits of other scripts", "٠٦١٢ ۳۴ १२", "0612 34 12"},
		{"Cyrillic and Greek look-alikes", "АВ-12-СТ Ορ", "AB-12-CT Op"},
		{"O and l among digits", "O6-l2345678 2O11", "06-12345678 2011"},
		{"O and l in words are kept", "Olaf lol lO1a Hotel 5", "Olaf lol lO1a Hotel 5"},
		{"accents are kept", "Zoë’s", "Zoë's"},
		{"invalid bytes are kept", "a\xffb–c", "a\xffb-c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalise(tt.text).s; got != tt.want {
				t.Errorf("normalise(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestNormalisedOffsets checks that findings in normalised text quote the
// original exactly, without the invisible characters around them.
func TestNormalisedOffsets(t *testing.T) {
	runCertain(t, []testCase{
		{"zero-width space inside", "BSN 123\u200b456\u200b782.", []want{{BSN, "123\u200b456\u200b782"}}},
		{"zero-width space after", "BSN 123456782\u200b\u200b, bekend.", []want{{BSN, "123456782"}}},
		{"zero-width space before", "Tel. \u200b06-12345678", []want{{Phone, "06-12345678"}}},
		{"no-break space and dashes", "Zij, geb.\u00a012–03–2011, en 1234\u00a0AB\u00a012.",
			[]want{{BirthDate, "12–03–2011"}, {Postcode, "1234\u00a0AB\u00a012"}}},
		{"Cyrillic in a plate", "Kenteken АВ-123-С.", []want{{Plate, "АВ-123-С"}}},
		{"after accents and dashes", "Chloë’s broer – 15 – belt 06 – 1234 5678.", []want{{Phone, "06 – 1234 5678"}}},
	})
}
