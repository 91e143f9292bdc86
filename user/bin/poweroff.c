/* poweroff: ask the kernel to power the machine off. */
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(void)
{
	reboot(RB_POWER_OFF);
	perror("poweroff");
	return 1;
}
