"""nsscurl.py fetches a URL with libcurl built on NSS (Debian's
libcurl3-nss, libcurl-nss.so.4), which reads PEM client certificates and
keys through nss-pem (nss-plugin-pem) as yum's curl does on CentOS 7, for
pkce's PK-5 test (yum_test.go):

    python3 nsscurl.py --version
    python3 nsscurl.py URL CAFILE [CERTFILE KEYFILE]

It prints libcurl's verbose log on standard error and the page on
standard output, and exits 0 when the transfer succeeded.
"""
import ctypes
import sys

lib = ctypes.CDLL("libcurl-nss.so.4")
lib.curl_version.restype = ctypes.c_char_p
if sys.argv[1:] == ["--version"]:
    print(lib.curl_version().decode())
    sys.exit(0)

CURLOPT_VERBOSE, CURLOPT_URL, CURLOPT_SSLCERT, CURLOPT_CAINFO, CURLOPT_SSLKEY = 41, 10002, 10025, 10065, 10087
lib.curl_global_init(3)
lib.curl_easy_init.restype = ctypes.c_void_p
lib.curl_easy_setopt.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
lib.curl_easy_perform.argtypes = [ctypes.c_void_p]
lib.curl_easy_strerror.restype = ctypes.c_char_p
h = lib.curl_easy_init()


def setopt(opt, value):
    lib.curl_easy_setopt(h, opt, ctypes.c_char_p(value.encode()))


url, cafile = sys.argv[1], sys.argv[2]
setopt(CURLOPT_URL, url)
setopt(CURLOPT_CAINFO, cafile)
if len(sys.argv) > 4:
    setopt(CURLOPT_SSLCERT, sys.argv[3])
    setopt(CURLOPT_SSLKEY, sys.argv[4])
lib.curl_easy_setopt(h, CURLOPT_VERBOSE, ctypes.c_void_p(1))
rc = lib.curl_easy_perform(h)
print("curl result %d: %s" % (rc, lib.curl_easy_strerror(rc).decode()), file=sys.stderr)
sys.exit(0 if rc == 0 else 1)
