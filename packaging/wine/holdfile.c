/*
 * TEST ONLY — never shipped, never installed on a real Windows PC.
 *
 * holdfile PATH: opens PATH for reading without letting anyone write it,
 * and keeps it open for ten minutes, as Windows holds the file of a
 * program that is running. Its name is not trienlam.exe, so the
 * installer's taskkill cannot end it: packaging/verify-installers.sh uses
 * it to check that setup, finding the installed program in use and unable
 * to close it, stops without changing anything (no half-replaced program).
 *
 *   x86_64-w64-mingw32-gcc -O2 -s -o holdfile.exe holdfile.c
 */
#include <stdio.h>
#include <windows.h>

int main(int argc, char **argv) {
	HANDLE h;
	if (argc != 2) {
		fprintf(stderr, "usage: holdfile PATH\n");
		return 2;
	}
	h = CreateFileA(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		fprintf(stderr, "holdfile: cannot open %s (error %lu)\n", argv[1], GetLastError());
		return 1;
	}
	printf("holding %s\n", argv[1]);
	fflush(stdout);
	Sleep(600000);
	CloseHandle(h);
	return 0;
}
