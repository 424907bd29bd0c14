/* empty_main: the process start-up floor as the speed issue defines it.
 * Built twice by run.sh: bare, and linked (dynamically, --no-as-needed)
 * against the libraries gwdoc uses, ICU, libxml2, libzip, cmark-gfm and
 * libyaml, as Debian ships them. It does nothing; its time is what
 * starting a process and loading those libraries costs. */
int main(void) { return 0; }
