package password

import "testing"

func TestHashAndCheck(t *testing.T) {
	fast := Params{Memory: 64, Time: 1, Threads: 1}
	hash, err := Hash("correct horse", fast)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := Hash("correct horse", fast)
	if hash == other {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	tests := []struct {
		name    string
		pw      string
		encoded string
		ok      bool
		wantErr bool
	}{
		{"right password", "correct horse", hash, true, false},
		{"wrong password", "correct horsf", hash, false, false},
		{"empty password", "", hash, false, false},
		{"not argon2id", "x", "$2a$10$abcdefghijklmnopqrstuv", false, true},
		{"garbage", "x", "nonsense", false, true},
		{"bad salt", "x", "$argon2id$v=19$m=64,t=1,p=1$!!$AAAA", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := Check(tt.pw, tt.encoded)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if ok != tt.ok {
				t.Fatalf("Check = %v, want %v", ok, tt.ok)
			}
		})
	}
}
