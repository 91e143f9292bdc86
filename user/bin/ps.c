/* ps: one line per process, from /proc/<pid>/stat ("pid (comm) S ppid ..."). */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

/* Print the process of /proc/<name>; ignore it if it went away. */
static void show(const char *name)
{
	char path[64], buf[512], *open, *close, state = '?';
	FILE *f;
	int ppid = 0;

	snprintf(path, sizeof(path), "/proc/%s/stat", name);
	f = fopen(path, "r");
	if (!f)
		return;
	if (!fgets(buf, sizeof(buf), f)) {
		fclose(f);
		return;
	}
	fclose(f);
	/* comm may contain spaces and parentheses: it ends at the last ')' */
	open = strchr(buf, '(');
	close = strrchr(buf, ')');
	if (!open || !close || close < open)
		return;
	*close = '\0';
	sscanf(close + 1, " %c %d", &state, &ppid);
	printf("%5s %5d %c %s\n", name, ppid, state, open + 1);
}

int main(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;

	if (!d) {
		perror("ps: /proc");
		return 1;
	}
	printf("%5s %5s %c %s\n", "PID", "PPID", 'S', "CMD");
	while ((e = readdir(d)))
		if (isdigit((unsigned char)e->d_name[0]))
			show(e->d_name);
	closedir(d);
	return 0;
}
