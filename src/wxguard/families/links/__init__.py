"""WX2 links: every link a reader could follow, judged by the host it really opens.

``extract`` finds links with disguises undone (original spans kept), ``hosts`` analyses host
names (public suffixes, IDN, look-alikes; ``tldextract`` loads on the first lookup), ``icp``
recognises filing numbers and reads registries, ``data`` reads ``wordlists/links/``, and
``checker`` judges each link, one small function a rule.
"""
