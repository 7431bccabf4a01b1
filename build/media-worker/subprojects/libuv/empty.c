/* Nothing: the system library is linked through the dependency beside this file. */
