/*
 * TEST ONLY — never shipped, never installed on a real Windows PC.
 *
 * A stand-in for Windows' bcryptprimitives.dll for running Trienlam under
 * Wine 8 (Debian 12) in `make verify-installers`. Go 1.22 and later take
 * their random numbers from ProcessPrng in bcryptprimitives.dll, which
 * Windows 10 and later have and Wine 8 does not, so Go programs abort
 * under Wine 8 ("bcryptprimitives.dll not found"). This DLL exports
 * ProcessPrng and fills the buffer with RtlGenRandom (advapi32's
 * SystemFunction036), which Wine has.
 *
 * packaging/verify-installers.sh builds it with
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives.c
 * and copies it into the throw-away Wine prefix's system32.
 */
#include <windows.h>

/* RtlGenRandom is exported by advapi32.dll as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
