"""WX4 advertising: the commerciality score and the labelling, absolute-term and claim rules."""
