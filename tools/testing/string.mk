# lib/string.c with every function renamed k_* so it runs beside libc's.
# -fno-builtin and no loop-to-memset rewriting keep the code under test ours.
TESTS += string
string_SRCS := lib/string.c tools/testing/test_string.c
string_CFLAGS := -fno-builtin -fno-tree-loop-distribute-patterns \
	-Dmemset=k_memset -Dmemcpy=k_memcpy -Dmemmove=k_memmove \
	-Dmemcmp=k_memcmp -Dstrlen=k_strlen -Dstrnlen=k_strnlen \
	-Dstrcmp=k_strcmp -Dstrncmp=k_strncmp -Dstrchr=k_strchr \
	-Dstrstr=k_strstr -Dstrlcpy=k_strlcpy
