package kiosk

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
)

// PIN hashing parameters. A 4–8 digit PIN has at most 10^8 values, so no
// hash makes a stolen preferences file safe against an offline search; the
// hash keeps the PIN out of plain sight (a staff member's PIN is often used
// elsewhere too) and makes each guess cost ~0.1 s on an old PC. The lock
// (Lock) is what protects the kiosk screen itself.
const (
	// Iterations is the PBKDF2 iteration count of new hashes.
	Iterations = 150_000
	// minIterations and maxIterations bound the count CheckPIN accepts, so
	// an edited preference can neither weaken a check nor hang the app.
	minIterations = 100_000
	maxIterations = 10_000_000
	saltLen       = 16
	keyLen        = 32
	scheme        = "pbkdf2-sha256"
)

// Errors of HashPIN. Their messages are English; the UI translates them.
var (
	// ErrPINLength means the PIN is shorter than 4 or longer than 8 digits.
	ErrPINLength = errors.New("the PIN must have 4 to 8 digits")
	// ErrPINDigits means the PIN holds something other than the digits 0–9.
	ErrPINDigits = errors.New("the PIN may hold only the digits 0 to 9")
)

// ValidPIN returns nil when pin is 4 to 8 ASCII digits, else ErrPINLength
// or ErrPINDigits.
func ValidPIN(pin string) error {
	for i := 0; i < len(pin); i++ {
		if pin[i] < '0' || pin[i] > '9' {
			return ErrPINDigits
		}
	}
	if len(pin) < 4 || len(pin) > 8 {
		return ErrPINLength
	}
	return nil
}

// HashPIN returns a salted PBKDF2-HMAC-SHA256 hash of pin, encoded as
// "pbkdf2-sha256$<iterations>$<salt>$<hash>" with the salt and hash in
// unpadded standard base64, ready to store in the preferences. The salt is
// random, so hashing the same PIN twice gives different strings. The PIN
// must be 4 to 8 digits (see ValidPIN).
func HashPIN(pin string) (string, error) {
	if err := ValidPIN(pin); err != nil {
		return "", err
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key, err := pbkdf2.Key(sha256.New, pin, salt, Iterations, keyLen)
	if err != nil {
		return "", err
	}
	enc := base64.RawStdEncoding
	return scheme + "$" + strconv.Itoa(Iterations) + "$" + enc.EncodeToString(salt) + "$" + enc.EncodeToString(key), nil
}

// CheckPIN reports whether pin matches encoded, a string from HashPIN. It
// compares in constant time and returns false for a malformed or tampered
// encoding (wrong scheme, iteration count out of range, bad base64, short
// salt or hash).
func CheckPIN(encoded, pin string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 4 || parts[0] != scheme {
		return false
	}
	iter, err := strconv.Atoi(parts[1])
	if err != nil || iter < minIterations || iter > maxIterations || parts[1] != strconv.Itoa(iter) {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[2])
	if err != nil || len(salt) < 8 {
		return false
	}
	want, err := enc.DecodeString(parts[3])
	if err != nil || len(want) < 16 || len(want) > 64 {
		return false
	}
	got, err := pbkdf2.Key(sha256.New, pin, salt, iter, len(want))
	if err != nil {
		return false
	}
	return subtle.ConstantTimeCompare(got, want) == 1
}
