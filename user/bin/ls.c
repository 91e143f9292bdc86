/* ls [-l] [DIR|FILE...]: list directory entries, one per line. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int long_format;

static void show(const char *dir, const char *name)
{
	char path[512];
	struct stat st;

	if (!long_format) {
		puts(name);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (stat(path, &st) < 0) {
		printf("?????????? %10s %s\n", "?", name);
		return;
	}
	printf("%c%c%c%c %10ld %s\n",
	       S_ISDIR(st.st_mode) ? 'd' : S_ISCHR(st.st_mode) ? 'c' :
	       S_ISFIFO(st.st_mode) ? 'p' : '-',
	       st.st_mode & S_IRUSR ? 'r' : '-', st.st_mode & S_IWUSR ? 'w' : '-',
	       st.st_mode & S_IXUSR ? 'x' : '-', (long)st.st_size, name);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List one directory in name order, skipping dot files. */
static int list(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	struct stat st;

	if (!d) {
		if (errno == ENOTDIR && stat(path, &st) == 0) {
			show(".", path);
			return 0;
		}
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++) {
		show(path, names[i]);
		free(names[i]);
	}
	free(names);
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		long_format = 1;
		i++;
	}
	if (i == argc)
		return list(".");
	for (; i < argc; i++) {
		if (argc - i > 1)
			printf("%s:\n", argv[i]);
		status |= list(argv[i]);
	}
	return status;
}
