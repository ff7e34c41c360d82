// How the demo turns the corpus' Debian names into Fedora's: Debian-only plumbing that is dropped from
// dependency lists (DROP), Debian binaries that the 30 demo packages stand for (their `subs` in
// packages.mjs) and a few well-known library names (EXTRA). Used by generate.mjs (the mdapi stubs) and
// by deploy/local/distro/derive.mjs (the whole-distribution repository metadata).
import { PACKAGES } from './packages.mjs';

export const DROP = new Set(['dpkg', 'debconf', 'init-system-helpers', 'lsb-base', 'install-info', 'debianutils', 'adduser', 'sensible-utils', 'ucf', 'dpkg-dev', 'base-files', 'sysvinit-utils', 'lsb-release', 'python3:any', 'perl:any', 'libc6-dev:any', 'dbus-system-bus', 'default-dbus-system-bus', 'default-logind', 'logind', 'systemd-sysv', 'init', 'runit-helper', 'menu', 'debhelper', 'dh-elpa-helper', 'libc6-i386']);
const EXTRA = {
  'zlib1g': 'zlib', 'zlib1g-dev': 'zlib-devel', 'libstdc++6': 'libstdc++', 'libgcc-s1': 'libgcc', 'libpcre2-8-0': 'pcre2',
  'libncursesw6': 'ncurses-libs', 'libtinfo6': 'ncurses-libs', 'libncurses6': 'ncurses-libs', 'libreadline8': 'readline',
  'libexpat1': 'expat', 'liblzma5': 'xz-libs', 'libzstd1': 'libzstd', 'libbz2-1.0': 'bzip2-libs', 'libselinux1': 'libselinux',
  'libacl1': 'libacl', 'libattr1': 'libattr', 'libcap2': 'libcap', 'libgmp10': 'gmp', 'libffi8': 'libffi', 'libuuid1': 'libuuid',
  'libblkid1': 'libblkid', 'libmount1': 'libmount', 'libkmod2': 'kmod-libs', 'libpam0g': 'pam-libs', 'libaudit1': 'audit-libs',
  'libcrypt1': 'libxcrypt', 'libgnutls30': 'gnutls', 'libnghttp2-14': 'libnghttp2', 'libidn2-0': 'libidn2', 'libpsl5': 'libpsl',
  'libssh2-1': 'libssh2', 'libbrotli1': 'brotli', 'libldap-2.5-0': 'openldap', 'libkrb5-3': 'krb5-libs', 'libgssapi-krb5-2': 'krb5-libs',
  'librtmp1': 'librtmp', 'libsasl2-2': 'cyrus-sasl-lib', 'libxml2': 'libxml2', 'libglib2.0-0': 'glib2', 'libgtk-3-0': 'gtk3',
  'libx11-6': 'libX11', 'libxt6': 'libXt', 'libsm6': 'libSM', 'libice6': 'libICE', 'libgpm2': 'gpm-libs', 'libsodium23': 'libsodium',
  'libtcl8.6': 'tcl', 'tcl8.6': 'tcl', 'libperl5.36': 'perl-libs', 'perl-base': 'perl-interpreter', 'perl-modules-5.36': 'perl-libs',
  'libpython3.11': 'python3.14-libs', 'python3': 'python3', 'libonig5': 'oniguruma', 'libjemalloc2': 'jemalloc', 'liblua5.1-0': 'lua-libs',
  'libsystemd-shared': 'systemd-shared', 'libapr1': 'apr', 'libaprutil1': 'apr-util', 'libjansson4': 'jansson', 'libcurl3-gnutls': 'libcurl-minimal',
  'libssl3': 'openssl-libs', 'libpq5': 'libpq', 'libsqlite3-0': 'sqlite-libs', 'libjq1': 'jq', 'libyaml-0-2': 'libyaml', 'libgdbm6': 'gdbm-libs',
  'libgdbm-compat4': 'gdbm-libs', 'libdb5.3': 'libdb', 'libuv1': 'libuv', 'libicu72': 'libicu', 'libc-bin': 'glibc-common',
  'libsystemd0': 'systemd-libs', 'libudev1': 'systemd-libs', 'libc6': 'glibc', 'libc6-dev': 'glibc-devel', 'libc-dev': 'glibc-devel',
};
const DEB2FED = new Map();
// a Debian binary a demo package stands for -> its Fedora name (a plain sub-package before one with a summary override)
for (const P of PACKAGES) for (const [fed, deb, override] of P.subs) if (!override && !DEB2FED.has(deb)) DEB2FED.set(deb, fed);
for (const P of PACKAGES) for (const [fed, deb] of P.subs) if (!DEB2FED.has(deb)) DEB2FED.set(deb, fed);
export function fedName(deb) {
  const bare = deb.replace(/:any$/, '').replace('python3.11', 'python3.14'); // the corpus has 3.11, the demo world 3.14
  if (DEB2FED.has(bare)) return DEB2FED.get(bare);
  if (EXTRA[bare]) return EXTRA[bare];
  return bare.replace(/-dev$/, '-devel');
}
export const fedArch = (a) => (a === 'all' ? 'noarch' : 'x86_64');

/** Source names the demo packages own: their own names and the corpus sources they are made from. */
export const DEMO_SOURCES = new Set(PACKAGES.flatMap((P) => [P.name, P.src]));
/** Binary names of the demo packages (every sub-package, whichever branches have it). */
export const DEMO_BINARIES = new Set(PACKAGES.flatMap((P) => P.subs.map(([fed]) => fed)));
