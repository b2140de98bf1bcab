"""Figures as people write them, read exactly: Chinese (`zh`: 五千, ５０００, 约5000人) and
Vietnamese (`vi`: 5.444 triệu đồng, 0,4; `vi_words`: numbers in words)."""
