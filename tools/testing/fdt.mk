# lib/fdt.c against the real device trees in tools/testing/data/.
TESTS += fdt
fdt_SRCS := lib/fdt.c tools/testing/test_fdt.c
fdt_CFLAGS := -DFDT_DATA_DIR='"$(CURDIR)/data"'
