/* free: memory totals in KiB, from /proc/meminfo. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128], key[64];
	unsigned long v, total = 0, mfree = 0, anon = 0;

	if (!f) {
		perror("free: /proc/meminfo");
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63[^:]: %lu", key, &v) != 2)
			continue;
		if (!strcmp(key, "MemTotal"))
			total = v;
		else if (!strcmp(key, "MemFree"))
			mfree = v;
		else if (!strcmp(key, "AnonPages"))
			anon = v;
	}
	fclose(f);
	printf("%-6s %10s %10s %10s %10s\n", "", "total", "used", "free", "anon");
	printf("%-6s %10lu %10lu %10lu %10lu\n", "Mem:", total, total - mfree, mfree, anon);
	return 0;
}
