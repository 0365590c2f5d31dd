package service

import "testing"

func TestGuestPersonName(t *testing.T) {
	for _, tt := range []struct{ guest, want string }{
		{"Iris Smit", "Iris Smit"},
		{"Iris Smit (GGD)", "Iris Smit"},
		{"J. de Boer", "J. de Boer"},
		{"Kees van der Berg", "Kees van der Berg"},
		{"Anne-Marie ’t Hart", "Anne-Marie ’t Hart"},
		{"Ervaringsdeskundige (gast)", ""},
		{"Ervaringsdeskundige", ""},
		{"Jongerenwerker", ""},
		{"Wijkagent Noord", ""},
		{"GGD Kustland", ""},
		{"Iris namens GGD Kustland", "Iris"},
		{"Veilig Thuis Kustland", ""},
		{"Jeugdhulp De Brug", ""},
		{"Iris Smit, Wijkteam Oost", "Iris Smit"},
		{"Beleidsmedewerker gemeente", ""},
		{"gast", ""},
		{"Politie – AVIM", ""},
		{"Zorg- en Veiligheidshuis", ""},
		{"Iris (ervaringsdeskundige)", "Iris"},
		{"Ervaringsdeskundige Iris", "Iris"},
		{"expert by experience", ""},
		{"Youth worker", ""},
		{"3 medewerkers", ""},
		{"", ""},
	} {
		if got := guestPersonName(tt.guest); got != tt.want {
			t.Errorf("guestPersonName(%q) = %q, want %q", tt.guest, got, tt.want)
		}
	}
}

func TestLeadingNameEnd(t *testing.T) {
	for _, tt := range []struct{ guest, want string }{
		{"Iris Smit", "Iris Smit"},
		{"Iris Smit (GGD)", "Iris Smit"},
		{"J. de Boer, wijkteam", "J. de Boer,"},
		{"Moeder van Lisa", ""},
		{"Overleg met Sanne Jansen", "Overleg"},
		{"Ervaringsdeskundige (gast)", ""},
		{"", ""},
	} {
		if got := tt.guest[:leadingNameEnd(tt.guest)]; got != tt.want {
			t.Errorf("leadingNameEnd(%q) ends after %q, want %q", tt.guest, got, tt.want)
		}
	}
}
